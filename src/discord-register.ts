// `npm run discord:register`: registers (bulk-overwrites) the slash commands without starting the bot.
// Per guild when DISCORD_GUILD_ID is set (visible at once), globally otherwise (may take up to an hour).
// `npm start` registers them too; this is for checking a new token or after editing commands.
import dotenv from "dotenv";
import { commands } from "../commands/index";
import { loadConfig, secretsOf } from "./config";
import { createLogger } from "./log";
import { registerCommands } from "./platforms/discord/register";

async function main(): Promise<number> {
  dotenv.config({ quiet: true });
  const loaded = loadConfig(process.env);
  if (!loaded.ok) {
    for (const e of loaded.errors) console.error(`config: ${e}`);
    return 2;
  }
  const discord = loaded.config.discord;
  if (!discord) {
    console.error("config: DISCORD_TOKEN and DISCORD_APPLICATION_ID are needed to register slash commands");
    return 2;
  }
  const logger = createLogger({ level: loaded.config.logLevel, secrets: secretsOf(loaded.config) });
  try {
    const result = await registerCommands(discord, commands, logger);
    const where = result.scope === "guild" ? `guild ${discord.guildId}` : "all servers (global; may take a while)";
    console.log(
      `Registered ${result.names.length} slash commands for ${where}: ${result.names.map((n) => `/${n}`).join(" ")}`,
    );
    for (const p of result.problems) console.warn(`left out or changed: ${p}`);
    return 0;
  } catch (error) {
    // The REST error names the cause (401 bad token, 403/50001 bot not in the guild, 404 wrong application id).
    logger.error({ err: error }, "discord: registration failed");
    console.error(`Registration failed: ${(error as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
