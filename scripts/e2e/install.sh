#!/usr/bin/env bash
# Installs what the editor tests need to run VS Code here, offline from VS Code's own servers:
#   - Debian packages: chromium (headless browser), ripgrep (VS Code's search), libkrb5-dev
#     (headers for code-server's `kerberos` native module);
#   - code-server 4.100.3 (VS Code 1.100.3 server + web workbench) and playwright-core, pinned by
#     scripts/e2e/package-lock.json, into node_modules/.cache/fiche-e2e (never into the project's
#     own node_modules tree, so the project's lockfile is untouched).
#
# Idempotent: when the stamp matches (same lockfile, same script, same Node major) it does nothing.
# A plain `npm install code-server` fails here (its postinstall downloads ripgrep and prebuilt
# native modules from GitHub), so this replays code-server's postinstall.sh by hand; see
# docs/e2e.md.
#
# Usage: bash scripts/e2e/install.sh [--force] [--no-apt]
# Env:   FICHE_E2E_HOME  where to install (default: <repo>/node_modules/.cache/fiche-e2e)
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
dest="${FICHE_E2E_HOME:-$repo/node_modules/.cache/fiche-e2e}"
force=0
apt=1
for arg in "$@"; do
  case "$arg" in
    --force) force=1 ;;
    --no-apt) apt=0 ;;
    *) echo "install.sh: unknown argument $arg" >&2; exit 2 ;;
  esac
done

t0=$(date +%s)
log() { printf '[e2e-install +%ss] %s\n' "$(( $(date +%s) - t0 ))" "$*"; }

# --- Node: code-server 4.100.3 declares engines.node "20" and its native modules are built for it.
node_major="$(node -p 'process.versions.node.split(".")[0]')"
if [ "$node_major" != "20" ]; then
  echo "install.sh: code-server 4.100.3 needs Node 20 (found $(node --version))." >&2
  exit 1
fi

# --- Debian packages
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v rg >/dev/null 2>&1 || missing+=(ripgrep)
[ -f /usr/include/gssapi/gssapi.h ] || missing+=(libkrb5-dev)
if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$apt" = 1 ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "install.sh: missing Debian packages: ${missing[*]} (apt-get install ${missing[*]})" >&2
    exit 1
  fi
fi
rg_bin="$(command -v rg)"

# --- Stamp: skip when already installed from the same inputs. Bump INSTALL_REV when the steps
# below change in a way that needs a reinstall.
INSTALL_REV=2
stamp_file="$dest/.fiche-e2e-stamp"
stamp="$( (cat "$here/package-lock.json"; echo "rev$INSTALL_REV node$node_major") | sha256sum | cut -d' ' -f1)"
cs="$dest/node_modules/code-server"
installed() {
  [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ] && [ -f "$cs/out/node/entry.js" ] \
    && [ -d "$cs/lib/vscode/node_modules.asar" ] && [ -d "$dest/node_modules/playwright-core" ]
}
if [ "$force" = 0 ] && installed; then
  log "already installed in $dest (stamp ok), nothing to do"
  exit 0
fi

# One install at a time: several runs (engineers sharing a checkout, parallel CI steps) may start
# together, and `npm ci` in one would delete the tree another is building.
mkdir -p "$(dirname "$dest")"
exec 9>"$dest.lock"
if ! flock -w 900 9; then echo "install.sh: another install holds $dest.lock for 15 min" >&2; exit 1; fi
if [ "$force" = 0 ] && installed; then
  log "installed meanwhile by another run, nothing to do"
  exit 0
fi

log "installing code-server + playwright-core into $dest"
mkdir -p "$dest"
rm -f "$stamp_file"
cp "$here/package.json" "$here/package-lock.json" "$dest/"
cd "$dest"
npm_quiet=(--no-audit --no-fund --loglevel=error)

# 1. The packages, without their install scripts (code-server's would go to GitHub).
npm ci --ignore-scripts "${npm_quiet[@]}"

# 2. argon2: its prebuilt binary comes from GitHub; node-pre-gyp falls back to a source build.
log "building argon2 from source"
npm rebuild argon2 "${npm_quiet[@]}" >/dev/null

# 3. Replay code-server's postinstall.sh (vscode_install) by hand.
cd "$cs/lib/vscode"
log "lib/vscode: npm install --omit=dev --ignore-scripts"
npm install --omit=dev --ignore-scripts "${npm_quiet[@]}"
# @vscode/ripgrep's postinstall downloads rg from GitHub unless bin/rg is already there.
mkdir -p node_modules/@vscode/ripgrep/bin
cp "$rg_bin" node_modules/@vscode/ripgrep/bin/rg
# node-pty's install calls `npx node-gyp`, which waits for a "yes" without npm_config_yes.
log "lib/vscode: npm rebuild (native modules: node-pty, kerberos, spdlog, …)"
npm_config_yes=true npm rebuild "${npm_quiet[@]}" >/dev/null
# Symlinks made by postinstall.sh (symlink_asar, symlink_bin_script).
rm -rf node_modules.asar && ln -s node_modules node_modules.asar
(cd bin/remote-cli && rm -rf code-server && ln -s code-linux.sh code-server)
(cd bin/helpers && rm -rf browser.sh && ln -s browser-linux.sh browser.sh)
log "lib/vscode/extensions: npm install --omit=dev"
(cd extensions && npm install --omit=dev "${npm_quiet[@]}" >/dev/null)

# 4. Smoke check, with HOME/XDG kept out of the real home.
tmp="$(mktemp -d)"
version="$(HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" \
  XDG_RUNTIME_DIR="$tmp/run" TMPDIR="$tmp" node "$cs/out/node/entry.js" --version 2>/dev/null | grep -m1 -E '^[0-9]+\.[0-9]+\.[0-9]+' || true)"
rm -rf "$tmp"
case "$version" in
  4.100.3*) ;;
  *) echo "install.sh: code-server --version printed '$version'" >&2; exit 1 ;;
esac

echo "$stamp" > "$stamp_file"
log "done in $(( $(date +%s) - t0 ))s: code-server $version"
