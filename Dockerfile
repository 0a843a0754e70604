# syntax=docker/dockerfile:1
# Hữu Nghị bot: build with the full toolchain, run compiled JavaScript as an unprivileged user.
#   docker build -t huunghi-bot .
#   docker run -d --name huunghi --env-file .env -v huunghi-var:/app/var -v huunghi-data:/app/data huunghi-bot
# docs/deploy.md explains the volumes, the health check and upgrades; compose.yaml runs it with Redis.

# Node 20 LTS, the same major as .nvmrc (package.json engines: >= 20.19).
ARG NODE_IMAGE=node:20-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
# Dependencies first, so a code change does not reinstall them. No compiler is needed: the SQLite engine
# (libsql) comes prebuilt from the npm registry.
COPY package.json package-lock.json .npmrc ./
RUN npm ci --no-audit --no-fund
COPY . .
# Compile to dist/, drop the development dependencies, and gather what the runtime stage needs in /out.
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && mkdir -p /out/var /out/assets \
 && cp -a package.json package-lock.json dist data node_modules /out/ \
 && if [ -d assets ]; then cp -a assets/. /out/assets/; fi

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NODE_OPTIONS=--enable-source-maps \
    STORE_URL=sqlite:///app/var/bot.sqlite \
    HTTP_HOST=0.0.0.0 \
    HTTP_PORT=9090
WORKDIR /app
# Code and dependencies belong to root (read-only for the bot); the corpus and the state belong to the bot's
# user ("node", uid 1000, from the base image): admins approve ingested articles into data/.
COPY --from=build /out/ /app/
RUN chown -R node:node /app/data /app/var
USER node
# The store (var/) and the corpus (data/) outlive the container.
VOLUME ["/app/var", "/app/data"]
# 8080: Telegram webhook (when TELEGRAM_WEBHOOK_URL is set); 9090: /healthz, /readyz, /metrics.
EXPOSE 8080 9090
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["node", "dist/healthcheck.js"]
# node runs as PID 1 and handles SIGTERM itself: a graceful stop within SHUTDOWN_TIMEOUT_SECONDS (docs/operations.md).
STOPSIGNAL SIGTERM
CMD ["node", "dist/main.js"]
