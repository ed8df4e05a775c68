#!/usr/bin/env bash
# Installs what the browser and HTML-validation tests need from Debian's packages, when it is missing:
# Chromium (Playwright's own browser download does not work on these machines) and a Java runtime for vnu.
set -euo pipefail
missing=()
# CHROMIUM_PATH points the browser tests at another Chromium or Chrome.
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || missing+=(chromium)
command -v java >/dev/null 2>&1 || missing+=(default-jre-headless)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "The tests need: ${missing[*]}. Install them (Debian: apt-get install ${missing[*]}) and run the tests again." >&2
  exit 1
fi
echo "Installing ${missing[*]} from Debian's packages for the browser tests..." >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
