#!/usr/bin/env bash
# The image's build, without Docker: compiles the packages and builds the portal, then assembles in
# <outdir> only what runs, laid out as in the repository so the server finds the portal beside it:
#
#   <outdir>/server/dist/…             the compiled server (`node server/dist/main.js`)
#   <outdir>/server/node_modules/…     its production dependencies, @ldn/db and @ldn/rules compiled
#                                      (with the migrations), no TypeScript sources, tsx or esbuild
#   <outdir>/web/dist/…                the built portal
#   <outdir>/bin/ldn                   the operator's command (`ldn admin:create …`)
#
# The Dockerfile's last stage copies <outdir> to /app; tests/system/release.int.test.ts runs this
# script and starts the result with the Dockerfile's CMD. Needs the workspace installed
# (`pnpm install --frozen-lockfile`).
set -euo pipefail
out=${1:?usage: scripts/build-release.sh <outdir>}
cd "$(dirname "$0")/.."

if [ -e "$out" ] && [ -n "$(ls -A "$out")" ]; then
  echo "build-release: $out is not empty" >&2
  exit 2
fi
mkdir -p "$out"
out=$(cd "$out" && pwd)

# NODE_ENV decides which React the portal bundles: a caller's (a test runner's `test`) must not.
NODE_ENV=production pnpm build
# The server with its production dependencies, at the lockfile's versions. Workspace packages are
# copied by their `files` (dist, and @ldn/db's migrations); pnpm's deploy wants them "injected",
# which is said here only, so the checkout keeps linking its packages. --ignore-scripts: @ldn/db's
# postinstall would generate the Prisma client, which is already compiled into its dist.
pnpm --config.inject-workspace-packages=true --filter @ldn/server deploy --prod --ignore-scripts "$out/server"
rm -f "$out/server/pnpm-lock.yaml"
mkdir -p "$out/web"
# The portal's source maps are for debugging a build; the server refuses them in production.
cp -R web/dist "$out/web/dist"
find "$out/web/dist" -name '*.map' -delete
chmod +x "$out/server/dist/cli/ldn.js"
mkdir -p "$out/bin"
ln -s ../server/dist/cli/ldn.js "$out/bin/ldn"
echo "build-release: $out"
