# syntax=docker/dockerfile:1
# SSPS in two stages: build everything, then run with production dependencies only, as a
# non-root user. tests/integration/deploy.test.ts runs the runtime stage's commands in a clean
# directory (lines marked "image only" are left to the image: they touch the image's own paths).

FROM node:20-bookworm-slim AS build
WORKDIR /app
ENV CI=true NEXT_TELEMETRY_DISABLED=1
# better-sqlite3 compiles against Node's headers.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1 HOST=0.0.0.0 PORT=3000 SSPS_DATA_DIR=/var/lib/ssps
COPY package.json package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
RUN npm prune --omit=dev --no-audit --no-fund
COPY --from=build /app/dist ./dist
COPY --from=build /app/.next ./.next
COPY --from=build /app/graphql/schema ./graphql/schema
COPY --from=build /app/legal ./legal
COPY --from=build /app/next.config.ts ./next.config.ts
# image only
RUN install -d -o node -g node /var/lib/ssps
USER node
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s CMD ["node", "-e", "fetch('http://127.0.0.1:' + (process.env.PORT || 3000) + '/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# The server itself is PID 1, so `docker stop` (and Kubernetes) reach it with SIGTERM and it stops
# gracefully (/readyz 503, requests in flight finish, the audit is written). Under `npm run serve`
# the signal went to npm, whose shell never passed it on: the server was killed after the grace
# period, the last second of audit with it. The flags are `npm run serve`'s (deploy.test.ts holds them equal).
CMD ["node", "--heap-growing-percent=100", "--max-semi-space-size=8", "dist/server/main.js"]
