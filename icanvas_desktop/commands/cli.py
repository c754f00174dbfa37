"""`icanvas` options that do a job and exit instead of opening the window: --import-theme, --self-test, and
the `generate` command (commands/generate.py).

They are parsed before Qt is imported, so they run on a headless server or a locked-down lab PC.
Options this parser does not know are left for Qt (e.g. `-platform offscreen`).
"""

import argparse
import sys
from pathlib import Path


def run_command(argv: list[str]) -> int | None:
    """The exit status of the command `argv` asks for, or None when the window should open."""
    if argv[:1] == ["generate"]:
        from icanvas_desktop.commands.generate import run_generate

        return run_generate(argv[1:])
    parser = argparse.ArgumentParser(prog="icanvas",
                                     description="iCanvas: turn children's drawings into pictures.",
                                     epilog="icanvas generate --help: pictures from drawings on paper, "
                                            "without the window")
    parser.add_argument("--import-theme", type=Path, metavar="FILE",
                        help="install a theme from a .zip made by 'icanvas-train export --zip', then exit")
    parser.add_argument("--self-test", action="store_true",
                        help="make one picture with every installed theme, report, and exit "
                             "(non-zero on failure)")
    args, _ = parser.parse_known_args(argv)
    if args.import_theme:
        return _import_theme(args.import_theme)
    if args.self_test:
        from icanvas_desktop.commands.self_test import run_self_test

        return run_self_test()
    return None


def _import_theme(zip_path: Path) -> int:
    from icanvas_desktop.settings.effective import EffectiveSettings
    from icanvas_desktop.settings.system import system_settings_path
    from icanvas_desktop.themes.discovery import system_themes_dir
    from icanvas_desktop.themes.package_import import ThemeImportError, import_theme_zip

    # As when a zip is dropped on the window: where the themes were chosen for the children, none is added.
    settings = EffectiveSettings()
    if settings.current.allowed_themes is not None:
        where = system_settings_path() if "allowed_themes" in settings.system.values else settings.user.path
        print(f"error: {zip_path.name} was not installed: the themes children may use on this computer "
              f"are chosen (allowed_themes in {where}); an administrator installs themes for every account "
              f"in {system_themes_dir()}", file=sys.stderr)
        return 2
    try:
        theme = import_theme_zip(zip_path)
    except ThemeImportError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    print(f"installed theme {theme.id!r} ({theme.name('en')}) in {theme.folder}")
    return 0
