#!/bin/sh
# Puts Scalar's standalone bundle (npm package @scalar/api-reference) into the hub's classpath so /openapi/scalar
# works offline. Fetched with npm at build time rather than committed; without npm the page says so and
# /openapi/ui (Swagger UI, a Maven webjar) still works.
set -u
version="$1"
dest="$2"
cache="${HOME:-/tmp}/.cache/cch/scalar-$version"
mkdir -p "$dest"
if [ ! -f "$cache/standalone.js" ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "[fetch-scalar] npm not found: /openapi/scalar will point to Swagger UI instead" >&2
    exit 0
  fi
  tmp=$(mktemp -d)
  if (cd "$tmp" && npm pack --silent "@scalar/api-reference@$version" >/dev/null 2>&1 && tar xzf scalar-api-reference-*.tgz); then
    mkdir -p "$cache" && cp "$tmp/package/dist/browser/standalone.js" "$cache/standalone.js"
  else
    echo "[fetch-scalar] could not fetch @scalar/api-reference@$version with npm: /openapi/scalar falls back" >&2
    rm -rf "$tmp"
    exit 0
  fi
  rm -rf "$tmp"
fi
cp "$cache/standalone.js" "$dest/standalone.js"
