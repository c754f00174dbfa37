#!/usr/bin/env sh
# Add iCanvas to this user's application menu, pointing at the folder this script sits in.
# Run it again after moving the folder; nothing outside ~/.local/share is touched.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
apps="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
icons="${XDG_DATA_HOME:-$HOME/.local/share}/icons/hicolor/256x256/apps"
mkdir -p "$apps" "$icons"
cp "$here/icanvas.png" "$icons/icanvas.png"
sed "s|^Exec=icanvas|Exec=\"$here/icanvas\"|" "$here/icanvas.desktop" > "$apps/icanvas.desktop"
echo "iCanvas added to the application menu ($apps/icanvas.desktop)"
