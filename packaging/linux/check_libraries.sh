#!/usr/bin/env bash
# Every shared library the bundle's code links to is either in the bundle or provided by a package the .deb
# depends on (system-libraries.txt): a library that is neither would keep the window from opening on a
# computer that lacks it (PyInstaller only warns). Runs ldd over every ELF file in the bundle, the Qt
# platform, input and image plugins included, the way the bundle's executable finds libraries (its own
# folder first). Where this computer has a declared library, dpkg must agree about its package.
#
#   bash packaging/linux/check_libraries.sh [BUNDLE [LIBRARIES]]    # dist/icanvas, system-libraries.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
bundle=$(realpath "${1:-dist/icanvas}")
libraries=${2:-packaging/linux/system-libraries.txt}
[ -d "$bundle" ] || { echo "$bundle is missing: run packaging/build_linux.sh first" >&2; exit 1; }

declare -A package_of
while read -r soname package; do
  package_of[$soname]=$package
done < <(grep -v '^#' "$libraries" | awk 'NF == 2')

failures=0 files=0 plugins=0
declare -A checked
while IFS= read -r -d '' file; do
  head -c 4 "$file" | grep -q $'^\x7fELF' || continue
  files=$((files + 1))
  case $file in */plugins/*) plugins=$((plugins + 1)) ;; esac
  # "soname => path (address)", "soname => not found", or the loader and vdso without "=>".
  while read -r soname arrow path _; do
    [ "$arrow" = "=>" ] || continue
    [[ $path == "$bundle"/* ]] && continue
    if [ -z "${package_of[$soname]:-}" ]; then
      echo "${file#"$bundle"/} needs $soname (${path/#not/not found}): neither in the bundle nor in $libraries" >&2
      failures=$((failures + 1))
    elif [ "$path" != not ] && [ -z "${checked[$soname]:-}" ] && command -v dpkg >/dev/null; then
      checked[$soname]=1
      owner=$(dpkg -S "$(realpath "$path")" 2>/dev/null || dpkg -S "$path" 2>/dev/null || true)
      owner=${owner%%:*}
      if [ -n "$owner" ] && [ "$owner" != "${package_of[$soname]}" ]; then
        echo "$soname comes from the package $owner here, not ${package_of[$soname]} as $libraries says" >&2
        failures=$((failures + 1))
      fi
    fi
  done < <(LD_LIBRARY_PATH="$bundle/_internal" ldd "$file" 2>/dev/null || true)
done < <(find "$bundle" -type f \( -name '*.so*' -o -perm -u+x \) -print0)

if [ "$plugins" -eq 0 ]; then
  echo "no Qt plugins found in $bundle" >&2
  exit 1
fi
if [ "$failures" -gt 0 ]; then
  echo "$failures missing or misdeclared libraries in $files ELF files" >&2
  exit 1
fi
echo "libraries: $files ELF files ($plugins Qt plugins), each library bundled or declared"
