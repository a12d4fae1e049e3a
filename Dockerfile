# The LDN trials server (API + portal) for a real PostgreSQL. Build: docker build -t ldn-trials .
# Run it with docker-compose.yml (PostgreSQL 16 and a TLS reverse proxy in front).
#
# Stage 1 installs the workspace and runs scripts/build-release.sh, the same build CI runs without
# Docker (tests/system/release.int.test.ts): compiled JavaScript, production dependencies, the
# migrations and the built portal in /release.
FROM node:24-bookworm-slim AS build
ENV COREPACK_INTEGRITY_KEYS=0 CI=true
RUN corepack enable
WORKDIR /src
COPY package.json pnpm-lock.yaml pnpm-workspace.yaml .pnpmfile.cjs tsconfig.base.json ./
# The patched dependencies (pnpm-workspace.yaml `patchedDependencies`): the install applies them.
COPY patches/ patches/
COPY shared/package.json shared/
COPY prisma/package.json prisma/schema.prisma prisma/prisma.config.ts prisma/
COPY prisma/tools/package.json prisma/tools/
COPY server/package.json server/
COPY web/package.json web/
COPY tests/package.json tests/
RUN pnpm install --frozen-lockfile
COPY . .
RUN bash scripts/build-release.sh /release

# Stage 2, the runtime: only what runs (no TypeScript sources, tsx, esbuild or compilers), owned by
# root and run as the unprivileged `node` user, so the server cannot rewrite its own code.
FROM node:24-bookworm-slim
ENV NODE_ENV=production PORT=4000 PATH=/app/bin:$PATH
# glibc's malloc: two arenas rather than one per thread, and blocks from 128 KiB up always mapped on
# their own, so that what a request's native code frees goes back to the system (argon2's 19 MiB per
# sign-in would otherwise stay resident once its size raised the adaptive threshold): issue #16.
ENV MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=131072
WORKDIR /app
COPY --from=build /release ./
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/readyz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
# tests/system/release.int.test.ts starts the build with exactly this command, and `pnpm bench:pages`
# with its node options. --max-semi-space-size=8: on a large host V8 lets its young generation (three
# semi-spaces) grow to about 100 MB under load; with 16 MB semi-spaces the server's peak was 60-90 MB
# lower for no measurable CPU (`pnpm bench:pages`), and 8 MB semi-spaces (24 MB) took another 10-20 MB
# off it, for a CPU cost the host's noise hides (bench/RESULTS.md). --heap-growing-percent=50: with a heap limit of
# gigabytes V8 lets the old generation grow to 4 times what the last full collection kept before
# collecting again (~75 MB live, ~300 MB of heap under `pnpm bench:pages`); 1.5 times keeps the heap
# near 130-160 MB and the resident set of the pages' rows under 300 MB (peak 534-540 → 380 MB over
# the run, bench/RESULTS.md). It sets only how soon V8 collects, not a limit: no --max-old-space-size,
# as the first FHIR import alone parses 127 MB of definitions and a cap could stop the server.
# --no-wasm-tier-up: Prisma's query compiler is WebAssembly that runs once per query shape (its
# plans are cached); V8's baseline code for it is enough. With the compiler built for size
# (prisma/schema.prisma) the server starts at 173-187 MB rather than 203-213 (bench/RESULTS.md).
CMD ["node", "--max-semi-space-size=8", "--heap-growing-percent=50", "--no-wasm-tier-up", "server/dist/main.js"]
