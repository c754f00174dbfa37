#!/usr/bin/env bash
# Pack the bundle that packaging/build_linux.sh made (dist/icanvas) as a Debian package, with dpkg-deb alone:
# no network, no debhelper. Writes dist/icanvas_<version>_<arch>.deb.
#
#   bash packaging/linux/build_deb.sh
#
# /opt/icanvas            the bundle, read-only for users
# /usr/bin/icanvas        a launcher
# /usr/share/applications/icanvas.desktop, /usr/share/icons/hicolor/256x256/apps/icanvas.png
# /usr/share/icanvas/themes   the system-wide themes folder (empty; the administrator fills it)
# /etc/xdg/iCanvas            where the administrator puts system_settings.json (example in the docs folder)
# Depends: the system libraries the bundle links to but does not carry (system-libraries.txt).
set -euo pipefail
cd "$(dirname "$0")/../.."
here=packaging/linux
bundle=dist/icanvas
[ -x "$bundle/icanvas" ] || { echo "$bundle/icanvas is missing: run packaging/build_linux.sh first" >&2; exit 1; }

version=$(sed -n 's/^version = "\(.*\)"$/\1/p' pyproject.toml | head -n 1)
arch=$(dpkg --print-architecture)
depends=$(grep -v '^#' "$here/system-libraries.txt" | awk 'NF { print $2 }' | sort -u | paste -sd, | sed 's/,/, /g')
deb="dist/icanvas_${version}_${arch}.deb"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
pkg="$stage/icanvas"
install -d -m 755 "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" \
  "$pkg/usr/share/icons/hicolor/256x256/apps" "$pkg/usr/share/icanvas/themes" "$pkg/etc/xdg/iCanvas" \
  "$pkg/usr/share/doc/icanvas/examples" "$pkg/usr/share/man/man1" "$pkg/usr/share/lintian/overrides"

cp -a "$bundle" "$pkg/opt/icanvas"
# Those are for the tarball, which a user unpacks anywhere; here the package puts the entry in place.
rm -f "$pkg/opt/icanvas/icanvas.desktop" "$pkg/opt/icanvas/install-desktop-entry.sh" "$pkg/opt/icanvas/icanvas.png"
install -m 755 "$here/icanvas-launcher" "$pkg/usr/bin/icanvas"
install -m 644 packaging/icanvas.desktop "$pkg/usr/share/applications/icanvas.desktop"
install -m 644 resources/icons/app.png "$pkg/usr/share/icons/hicolor/256x256/apps/icanvas.png"
install -m 644 "$here/system_settings.example.json" "$pkg/usr/share/doc/icanvas/examples/system_settings.json"
install -m 644 "$here/lintian-overrides" "$pkg/usr/share/lintian/overrides/icanvas"
gzip -9n <"$here/icanvas.1" >"$pkg/usr/share/man/man1/icanvas.1.gz"
{
  echo "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/"
  echo "Upstream-Name: iCanvas"
  echo
  echo "Files: *"
  echo "License: MIT"
  echo
  echo "Comment: third-party parts (fonts, icons, the themes' training pictures, the Python and Qt"
  echo " libraries in /opt/icanvas) and their licenses:"
  sed 's/^/ /; s/^ $/ ./' THIRD_PARTY.md
} >"$pkg/usr/share/doc/icanvas/copyright"
printf 'icanvas (%s) unstable; urgency=medium\n\n  * Built from the iCanvas repository by packaging/linux/build_deb.sh.\n\n -- iCanvas maintainers <dev@icanvas.local>  %s\n' \
  "$version" "$(date -R -d @"${SOURCE_DATE_EPOCH:-$(date +%s)}")" | gzip -9n >"$pkg/usr/share/doc/icanvas/changelog.gz"
install -m 755 "$here/postrm" "$pkg/DEBIAN/postrm"

# Users read and run, only root writes: the folder the installed app runs from must not be a user's to change
# (docs/security.md, the administrator's folders).
chmod -R u+rwX,go+rX,go-w "$pkg"
# Libraries are loaded, not run (a bundle keeps wheels' modes, which make them executable).
find "$pkg/opt" -type f -name '*.so*' -exec chmod 644 {} +
installed_kb=$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)
cat >"$pkg/DEBIAN/control" <<CONTROL
Package: icanvas
Version: $version
Architecture: $arch
Maintainer: iCanvas maintainers <dev@icanvas.local>
Installed-Size: $installed_kb
Depends: $depends
Recommends: fontconfig-config, xkb-data
Section: graphics
Priority: optional
Description: drawing app for children that turns sketches into pictures
 Children draw a sketch and iCanvas turns it into a picture in the style of
 a theme (animals, food, space, ...), with a gallery, stars and profiles.
 Korean and English. Runs on the CPU; no network connection is used.
 .
 A school lab's administrator can lock settings for every account in
 /etc/xdg/iCanvas/system_settings.json and install themes for every account
 in /usr/share/icanvas/themes.
CONTROL
# gzip: xz took 10 minutes on two busy cores for 20 MB less.
dpkg-deb --root-owner-group -Zgzip --build "$pkg" "$deb" >/dev/null
echo "$deb: $(du -m "$deb" | cut -f1) MB, installed $((installed_kb / 1024)) MB; Depends: $depends"
