// `node dist/healthcheck.js`: the container's HEALTHCHECK. Exits 0 when the bot's /healthz answers 200 within
// three seconds, 1 otherwise, saying why. A script of its own because the slim Node image has no curl or wget.
const port = process.env.HTTP_PORT?.trim();
const host = process.env.HEALTHCHECK_HOST?.trim() || "127.0.0.1";

export async function check(): Promise<number> {
  if (!port) {
    console.error("HTTP_PORT is not set: the health endpoint is off, so there is nothing to check");
    return 1;
  }
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}/healthz`;
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
    if (response.status === 200) return 0;
    console.error(`${url} answered ${response.status}`);
  } catch (error) {
    console.error(`${url}: ${(error as Error).message}`);
  }
  return 1;
}

process.exitCode = await check();
