# The plan-ledger service. better-sqlite3 compiles at install, hence the build tools in the first stage.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-fund --no-audit

FROM node:20-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/data
COPY --from=deps /app/node_modules ./node_modules
COPY . .
VOLUME ["/data"]
EXPOSE 3000
USER node
CMD ["node", "--import", "tsx", "services/main.ts"]
