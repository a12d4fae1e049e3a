# The LDN trials server (API + portal) for a real PostgreSQL. Build: docker build -t ldn-trials .
# Stage 1 installs everything, generates the Prisma client and builds the portal.
FROM node:20-bookworm-slim AS build
ENV COREPACK_INTEGRITY_KEYS=0 CI=true
RUN corepack enable
WORKDIR /app
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml tsconfig.base.json ./
COPY shared/package.json shared/
COPY prisma/package.json prisma/schema.prisma prisma/prisma.config.ts prisma/
COPY prisma/tools/package.json prisma/tools/
COPY server/package.json server/
COPY web/package.json web/
COPY tests/package.json tests/
RUN pnpm install --frozen-lockfile
COPY . .
RUN pnpm --filter @ldn/web build

# Stage 2: production dependencies only (no Prisma CLI, no test or build tools).
FROM node:20-bookworm-slim AS prod-deps
ENV COREPACK_INTEGRITY_KEYS=0 CI=true
RUN corepack enable
WORKDIR /app
COPY --from=build /app/package.json /app/pnpm-lock.yaml /app/pnpm-workspace.yaml ./
COPY --from=build /app/shared/package.json shared/
COPY --from=build /app/prisma/package.json prisma/
COPY --from=build /app/prisma/tools/package.json prisma/tools/
COPY --from=build /app/server/package.json server/
COPY --from=build /app/web/package.json web/
COPY --from=build /app/tests/package.json tests/
RUN pnpm install --frozen-lockfile --prod --ignore-scripts

# Stage 3: the runtime, as the unprivileged `node` user.
FROM node:20-bookworm-slim
ENV NODE_ENV=production PORT=4000
WORKDIR /app
COPY --from=prod-deps --chown=node:node /app ./
COPY --from=build --chown=node:node /app/tsconfig.base.json ./
COPY --from=build --chown=node:node /app/shared/src shared/src
COPY --from=build --chown=node:node /app/prisma/src prisma/src
COPY --from=build --chown=node:node /app/prisma/seed prisma/seed
COPY --from=build --chown=node:node /app/prisma/migrations prisma/migrations
COPY --from=build --chown=node:node /app/prisma/generated prisma/generated
COPY --from=build --chown=node:node /app/server/src server/src
COPY --from=build --chown=node:node /app/server/tsconfig.json server/
COPY --from=build --chown=node:node /app/web/dist web/dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=20s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
WORKDIR /app/server
CMD ["node_modules/.bin/tsx", "--conditions=development", "src/main.ts"]
