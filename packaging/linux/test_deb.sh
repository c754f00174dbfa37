#!/usr/bin/env bash
# Check the .deb that build_deb.sh made: its contents and control fields, lintian (errors fail, where it is
# installed), then install it on this computer, run the self-test from /usr/bin/icanvas as an ordinary user,
# and purge it, checking that nothing of it is left. The install part needs root and a computer without
# iCanvas installed (CI's container); elsewhere it unpacks into a scratch folder and self-tests from there.
#
#   bash packaging/linux/test_deb.sh [DEB]
set -euo pipefail
cd "$(dirname "$0")/../.."
deb=${1:-$(ls -t dist/icanvas_*.deb | head -n 1)}
themes=$(ls models/*/manifest.json | wc -l)
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
chmod 755 "$scratch"
fail() { echo "$deb: $*" >&2; exit 1; }

placed=(/opt/icanvas/icanvas /usr/bin/icanvas /usr/share/applications/icanvas.desktop
        /usr/share/icons/hicolor/256x256/apps/icanvas.png /usr/share/icanvas/themes /etc/xdg/iCanvas
        /usr/share/doc/icanvas/copyright /usr/share/man/man1/icanvas.1.gz)
contents=$(dpkg-deb --contents "$deb")
for path in "${placed[@]}"; do
  grep -q " \.$path/\?\( ->.*\)\?$" <<<"$contents" || fail "$path is not in the package"
done
grep -q "^-rwxr-xr-x root/root .* \./opt/icanvas/icanvas$" <<<"$contents" || fail "the app is not root's, 755"
if grep '^-' <<<"$contents" | grep -q '^.....w\|^........w'; then fail "a file is writable by others than root"; fi
depends=$(dpkg-deb --field "$deb" Depends)
for package in $(grep -v '^#' packaging/linux/system-libraries.txt | awk 'NF { print $2 }' | sort -u); do
  grep -qw "$package" <<<"$depends" || fail "Depends lacks $package"
done
echo "contents: ${#placed[@]} paths in place; Depends: $depends"

if command -v lintian >/dev/null; then
  lintian --fail-on error "$deb" || fail "lintian found errors"
  echo "lintian: no errors"
else
  echo "lintian: not installed here (apt-get install lintian), skipped"
fi

# As a child's account runs it: not root, a home of its own, and with the variable that must not move the
# administrator's folders in the installed app.
as_user=()
[ "$(id -u)" -eq 0 ] && as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
mkdir -m 777 "$scratch/home"
self_test() {
  "${as_user[@]}" env HOME="$scratch/home" XDG_RUNTIME_DIR="$scratch/home" QT_QPA_PLATFORM=offscreen \
    ICANVAS_SYSTEM_DIR="$scratch/home/empty" XDG_CONFIG_DIRS="$scratch/home/empty" "$@" --self-test \
    >"$scratch/self_test.txt" 2>&1 || { cat "$scratch/self_test.txt" >&2; fail "the self-test failed: $*"; }
  grep -q "^$themes of $themes themes fine$" "$scratch/self_test.txt" || fail "not all $themes themes fine"
}

if [ "$(id -u)" -ne 0 ] || dpkg -s icanvas >/dev/null 2>&1; then
  dpkg-deb -x "$deb" "$scratch/root"
  self_test "$scratch/root/opt/icanvas/icanvas"
  echo "unpacked (not installed: needs root and a computer without iCanvas): self-test fine"
  exit 0
fi

# Its dependencies from the package archive where this computer reaches one; offline, without them (the
# offscreen self-test needs none of the display libraries).
if ! apt-get install -y -qq --no-install-recommends "./$deb" >"$scratch/apt.log" 2>&1; then
  echo "apt-get could not install its dependencies (offline?); dpkg -i --force-depends instead"
  dpkg -i --force-depends "$deb" >/dev/null
fi
self_test /usr/bin/icanvas
grep -q "^administrator settings: /etc/xdg/iCanvas/system_settings.json" "$scratch/self_test.txt" &&
  grep -q "^theme folder: /usr/share/icanvas/themes" "$scratch/self_test.txt" ||
  { cat "$scratch/self_test.txt" >&2; fail "the installed app did not read the administrator's folders"; }
echo "installed: /usr/bin/icanvas --self-test as nobody fine, administrator's folders fixed"

# What an administrator adds stays through a removal and goes with a purge; nothing of the package stays.
cp packaging/linux/system_settings.example.json /etc/xdg/iCanvas/system_settings.json
cp -r "models/$(ls models | head -n 1)" /usr/share/icanvas/themes/
dpkg -r icanvas >/dev/null
[ -f /etc/xdg/iCanvas/system_settings.json ] || fail "removing the package deleted the administrator's settings"
[ ! -e /opt/icanvas ] && [ ! -e /usr/bin/icanvas ] || fail "removing the package left the app"
dpkg -P icanvas >/dev/null
left=()
for path in "${placed[@]}" /opt/icanvas /usr/share/icanvas /usr/share/doc/icanvas; do
  [ -e "$path" ] && left+=("$path")
done
[ ${#left[@]} -eq 0 ] || fail "left after purge: ${left[*]}"
! dpkg -s icanvas >/dev/null 2>&1 || fail "dpkg still knows the package after purge"
echo "removed, then purged: nothing left"
