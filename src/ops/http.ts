// The operations endpoint: /healthz (process up), /readyz (ready to serve), /metrics (Prometheus text).
// Off unless HTTP_PORT is set, and bound to loopback unless HTTP_HOST says otherwise.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import type { BotMetrics } from "./metrics";
import type { ReadinessReport } from "./readiness";

export interface OpsServerOptions {
  host: string;
  /** 0 picks a free port (tests). */
  port: number;
  readiness(): Promise<ReadinessReport>;
  metrics?: BotMetrics;
  logger?: Logger;
}

export interface OpsServer {
  readonly port: number;
  readonly url: string;
  close(): Promise<void>;
}

export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const server = createServer((req, res) => {
    route(req, res, options).catch((error: unknown) => {
      options.logger?.error({ err: error, url: req.url }, "ops endpoint failed");
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", "internal error\n");
      else res.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(":") ? `[${options.host}]` : options.host;
  return {
    port,
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function route(req: IncomingMessage, res: ServerResponse, options: OpsServerOptions): Promise<void> {
  const path = new URL(req.url ?? "/", "http://localhost").pathname;
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("allow", "GET, HEAD");
    return send(res, 405, "text/plain; charset=utf-8", "method not allowed\n");
  }
  switch (path) {
    case "/healthz":
      return send(res, 200, "text/plain; charset=utf-8", "ok\n");
    case "/readyz": {
      const report = await options.readiness();
      return send(res, report.ready ? 200 : 503, "application/json; charset=utf-8", `${JSON.stringify(report)}\n`);
    }
    case "/metrics":
      if (!options.metrics) return send(res, 404, "text/plain; charset=utf-8", "metrics are off\n");
      return send(res, 200, options.metrics.contentType, await options.metrics.render());
    default:
      return send(res, 404, "text/plain; charset=utf-8", "not found: try /healthz, /readyz or /metrics\n");
  }
}

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  res.end(res.req.method === "HEAD" ? undefined : body);
}
