// nginx in front of the app, for the benchmark's "beyond one machine" figures: a non-daemon nginx on
// loopback with its own configuration, logs and temporary folders under a temporary folder, stopped
// by its pid. Three listeners: one app instance, two instances (round robin), and the two behind
// nginx's cache. The cache stores /api/ answers (JSON) and revalidates them with the app's ETag
// (keyed by the dataset version: a 304 costs the app no query). Pages are not cached: each carries
// its own Content-Security-Policy nonce, which must not be served to anyone else.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { startServer, type Server } from "./processes";

const CANDIDATES = ["/usr/sbin/nginx", "/usr/bin/nginx", "/usr/local/sbin/nginx", "/usr/local/bin/nginx"];

/** The nginx binary, installed from Debian's package when missing and this process may (root with apt-get). */
export function nginxBinary(): string {
  const found = CANDIDATES.find((p) => existsSync(p));
  if (found) return found;
  if (process.getuid?.() === 0 && existsSync("/usr/bin/apt-get")) {
    console.log("bench: installing Debian's nginx (apt-get install nginx)");
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    try {
      execFileSync("apt-get", ["install", "-y", "-qq", "nginx"], { stdio: "ignore", env });
    } catch {
      execFileSync("apt-get", ["update", "-qq"], { stdio: "ignore", env });
      execFileSync("apt-get", ["install", "-y", "-qq", "nginx"], { stdio: "ignore", env });
    }
    const installed = CANDIDATES.find((p) => existsSync(p));
    if (installed) return installed;
  }
  throw new Error("nginx not found: install Debian's package (apt-get install nginx)");
}

export type NginxPorts = { one: number; two: number; cached: number };

export function nginxConfig(dir: string, apps: [number, number], ports: NginxPorts, cacheSeconds: number): string {
  const user = process.getuid?.() === 0 ? `user ${os.userInfo().username};\n` : "";
  const proxied = (upstream: string) => `proxy_pass http://${upstream};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $host;
      proxy_set_header X-Forwarded-For $remote_addr;`;
  return `${user}worker_processes 2;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  proxy_cache_path ${dir}/cache levels=1:2 keys_zone=answers:16m max_size=1g inactive=10m use_temp_path=off;
  upstream one { server 127.0.0.1:${apps[0]}; keepalive 64; }
  upstream two { server 127.0.0.1:${apps[0]}; server 127.0.0.1:${apps[1]}; keepalive 64; }
  server { listen 127.0.0.1:${ports.one}; location / { ${proxied("one")} } }
  server { listen 127.0.0.1:${ports.two}; location / { ${proxied("two")} } }
  server {
    listen 127.0.0.1:${ports.cached};
    location /api/ {
      ${proxied("two")}
      # The app answers "Cache-Control: public, no-cache" with an ETag keyed by the dataset version:
      # this proxy, part of the deployment, keeps an answer ${cacheSeconds} s and then asks again with
      # If-None-Match (a cheap 304 while the dataset is the same).
      proxy_cache answers;
      proxy_cache_key $request_uri;
      proxy_ignore_headers Cache-Control Expires;
      proxy_cache_valid 200 ${cacheSeconds}s;
      proxy_cache_revalidate on;
      proxy_cache_lock on;
      proxy_cache_use_stale updating;
      add_header X-Cache $upstream_cache_status always;
    }
    location / { ${proxied("two")} }
  }
}
`;
}

export async function startNginx(workDir: string, apps: [number, number], ports: NginxPorts, cacheSeconds = 10): Promise<Server> {
  const binary = nginxBinary();
  const dir = path.join(workDir, "nginx");
  mkdirSync(path.join(dir, "cache"), { recursive: true });
  const conf = path.join(dir, "nginx.conf");
  writeFileSync(conf, nginxConfig(dir, apps, ports, cacheSeconds));
  const log = path.join(dir, "error.log");
  execFileSync(binary, ["-t", "-e", log, "-p", dir, "-c", conf], { stdio: "ignore" });
  return startServer("nginx", binary, ["-e", log, "-p", dir, "-c", conf], {}, ports.one, "/api/studies?limit=1");
}
