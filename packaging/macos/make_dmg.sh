#!/usr/bin/env bash
# macOS: pack dist/iCanvas.app (from `pyinstaller build.spec`) into dist/iCanvas-VERSION.dmg with an
# Applications link to drag it onto. UNTESTED here: run by .github/workflows/release.yml on macos-latest.
set -euo pipefail
cd "$(dirname "$0")/../.."
version=${1:?version}
stage=$(mktemp -d)
cp -R dist/iCanvas.app "$stage/"
ln -s /Applications "$stage/Applications"
hdiutil create -volname iCanvas -srcfolder "$stage" -fs HFS+ -format UDZO -ov "dist/iCanvas-$version.dmg"
rm -rf "$stage"
