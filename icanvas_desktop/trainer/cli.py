"""`icanvas-train`: make an iCanvas theme from a folder of pictures.

    icanvas-train prepare PICTURES --out prepared/animals
    icanvas-train prepare --pairs LINE_ART/ COLOURED/ --out prepared/stickers
    icanvas-train train --data prepared/animals --run runs/animals
    icanvas-train evaluate --run runs/animals --drawings my-drawings/
    icanvas-train export --run runs/animals --id animals --name-en Animals --name-ko 동물 ...
    icanvas-train add-tflite models/animals
"""

import argparse
import json
import logging
import os
import sys
from pathlib import Path

from icanvas_desktop.files.write_problems import CannotWrite
from icanvas_desktop.look import CHILD_LOOKS
from icanvas_desktop.trainer.problems import UsageError

log = logging.getLogger("icanvas.train")


def _prepare(args) -> None:
    from icanvas_desktop.trainer.data.prepare import PrepareOptions, prepare, prepare_pairs

    if (args.source is None) == (args.pairs is None):
        raise UsageError("give either a folder of pictures or --pairs SKETCH_DIR PICTURE_DIR (not both)")
    if args.pairs and args.format != "auto":
        raise UsageError("--format is for a single folder; with --pairs the sketches are in their own folder")
    options = PrepareOptions(
        image_size=args.size, input_format=args.format, hand_drawn=not args.no_hand_drawn,
        variants=args.variants, pen_width=args.pen_width, detail=args.detail,
        val_fraction=args.val_fraction, seed=args.seed, workers=args.workers,
    )
    if args.pairs:
        prepare_pairs(*args.pairs, args.out, options, show_progress=not args.quiet)
    else:
        prepare(args.source, args.out, options, show_progress=not args.quiet)


def _train(args) -> None:
    from icanvas_desktop.trainer.data.prepared import PreparedDataset
    from icanvas_desktop.trainer.run import RunInfo, TrainOptions, start_run
    from icanvas_desktop.trainer.training.train import starting_generator, teacher_weights, train

    if args.resume:
        run = RunInfo.open(args.run)
    else:
        if args.data is None:
            raise UsageError("--data is needed for a new run (the folder 'icanvas-train prepare' wrote)")
        dataset = PreparedDataset.open(args.data)
        overrides = {k: v for k, v in (("ngf", args.ngf), ("n_blocks", args.blocks), ("depth", args.depth),
                                       ("upsample", args.upsample)) if v}
        generator, init_weights = args.generator, None
        if args.init_from:
            if overrides or args.generator != "compact":
                raise UsageError("--init-from trains the architecture it starts from: leave out --generator, "
                                 "--ngf, --blocks, --depth and --upsample")
            start, init_weights = starting_generator(args.init_from)
            generator, overrides = start.architecture, start.full_settings()
        options = TrainOptions(
            generator=generator, generator_settings=overrides, epochs=args.epochs or 20, ema=args.ema,
            discriminator=args.discriminator, feature_weight=args.feature_weight,
            init_from=str(args.init_from) if args.init_from else None,
            init_weights=str(Path(init_weights).resolve()) if init_weights else None,
            batch_size=args.batch_size, learning_rate=args.lr, l1_weight=args.l1_weight, seed=args.seed,
            precision=args.precision, hand_drawn=not args.no_hand_drawn, flip=not args.no_flip,
            balance_folders=args.balance_folders, balance_colours=args.balance_colours,
            checkpoint_every=args.checkpoint_every, max_steps=args.max_steps,
        )
        if args.teacher:
            options.teacher_run = str(args.teacher.resolve())
            options.teacher_weights = str(teacher_weights(args.teacher).resolve())
            options.distill_weight = args.distill_weight
        run = start_run(args.run, args.data, options, dataset.image_size)
    if args.resume:
        run.options.max_steps = args.max_steps
    state = train(run, show_progress=not args.quiet, epochs=args.epochs)
    log.info("stopped after step %d (epoch %d of %d)", state["step"], state["epoch"], run.options.epochs)


def _evaluate(args) -> None:
    from icanvas_desktop.trainer.evaluation.evaluate import evaluate
    from icanvas_desktop.trainer.run import EVALUATION, RunInfo

    result = evaluate(RunInfo.open(args.run), args.drawings, args.data, args.limit, args.doodles)
    print((Path(args.run) / EVALUATION / "table.md").read_text("utf-8"), end="")
    print(f"best: {result['best']['checkpoint']}")


def _convert_with_tensorflow() -> None:
    """Exporting converts the generator for LiteRT with TensorFlow's converter, from a model built on the
    TensorFlow backend whatever KERAS_BACKEND says (the run's weights are the same on every backend): from
    a JAX model the converter lowers nearest upsampling to BROADCAST_TO, which LiteRT's XNNPACK does not
    take, and a picture took 80 ms instead of 18."""
    os.environ["KERAS_BACKEND"] = "tensorflow"


def _export(args) -> None:
    _convert_with_tensorflow()
    from icanvas_desktop.trainer.packaging.export import check_theme_id, export_theme, write_theme_zip
    from icanvas_desktop.trainer.run import RunInfo

    check_theme_id(args.id)  # before anything else, so a bad id is the message even when more is wrong
    prompts = [{"id": i, "en": en, "ko": ko} for i, en, ko in args.prompt or []]
    if args.prompts:
        try:
            prompts += json.loads(Path(args.prompts).read_text("utf-8"))
        except (OSError, json.JSONDecodeError) as e:
            raise UsageError(f"--prompts {args.prompts}: {e}; it should be a JSON list of "
                             '{"id": ..., "en": ..., "ko": ...}') from e
    target = export_theme(
        RunInfo.open(args.run), args.out, args.id, {"en": args.name_en, "ko": args.name_ko},
        args.source, args.license, prompts, args.checkpoint, args.preview_sketch, args.force,
        look=args.look, korean={"source": args.source_ko, "license": args.license_ko},
    )
    print(target)
    if args.zip:
        print(write_theme_zip(target))


def _add_tflite(args) -> None:
    _convert_with_tensorflow()
    from icanvas_desktop.trainer.packaging.tflite import add_tflite_to_theme

    path, worst = add_tflite_to_theme(args.theme)
    print(f"{path} ({path.stat().st_size / 1e6:.1f} MB; "
          f"largest difference from the Keras picture {worst:.2g})")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="icanvas-train", description="Make an iCanvas theme: prepare pictures, train, evaluate, export.",
        formatter_class=argparse.RawDescriptionHelpFormatter, epilog=__doc__.split("\n", 2)[2],
    )
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bars")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _prepare_arguments(sub)
    _train_arguments(sub)
    _evaluate_arguments(sub)
    _export_arguments(sub)
    _add_tflite_arguments(sub)
    return parser


def _prepare_arguments(sub) -> None:
    p = sub.add_parser("prepare", help="pictures (or pix2pix A|B pairs, or sketches and their pictures) → "
                                       "training pairs with sketches")
    p.add_argument("source", type=Path, nargs="?",
                   help="folder of PNG/JPEG/WebP pictures, or of A|B pair images")
    p.add_argument("--pairs", type=Path, nargs=2, metavar=("SKETCH_DIR", "PICTURE_DIR"),
                   help="line art and its coloured pictures in two folders, matched by file name (cat.png "
                        "with cat.jpg); the sketches are used as they are, "
                        "hand-drawn variants change only them")
    p.add_argument("--out", type=Path, required=True, help="folder for the prepared pairs (a cache)")
    p.add_argument("--size", type=int, default=256, help="picture size in pixels (default 256)")
    p.add_argument("--format", choices=["auto", "pictures", "aligned"], default="auto",
                   help="'aligned': sketch|picture side by side as in pix2pix's edges2shoes "
                        "(default: guess)")
    p.add_argument("--variants", type=int, default=4,
                   help="hand-drawn-looking sketches per picture (default 4)")
    p.add_argument("--no-hand-drawn", action="store_true", help="only clean extracted (or given) sketches")
    p.add_argument("--pen-width", type=float, help="line width in pixels (default 2.5 at 256 px)")
    p.add_argument("--detail", type=float, default=1.0,
                   help="how many interior lines to keep (default 1.0)")
    p.add_argument("--val-fraction", type=float, default=0.1,
                   help="share held out for evaluation (default 0.1)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--workers", type=int, default=0,
                   help="processes (default: one per CPU core, fewer when free memory is short: "
                        "up to 1 GB each)")
    p.set_defaults(func=_prepare)


def _train_arguments(sub) -> None:
    p = sub.add_parser("train",
                       help="train a generator; checkpoints survive a kill (continue with --resume)")
    p.add_argument("--data", type=Path, help="prepared folder (from 'prepare')")
    p.add_argument("--run", type=Path, required=True, help="folder for checkpoints, samples and logs")
    p.add_argument("--resume", action="store_true",
                   help="continue the run in --run from its last checkpoint")
    p.add_argument("--generator", default="compact",
                   help="compact (fast U-Net, default), compact2 (generator v2: no checkerboard, crayons), "
                        "seed (ResNet-9, ngf 64), unet256, resnet or unet")
    p.add_argument("--ngf", type=int, help="filters in the first layer")
    p.add_argument("--blocks", type=int, help="residual blocks (resnet)")
    p.add_argument("--depth", type=int, help="down-sampling levels (unet)")
    p.add_argument("--upsample", choices=["transpose", "resize", "shuffle"],
                   help="how the U-Net's decoder upsamples (compact2: resize; compact: transpose)")
    p.add_argument("--init-from", type=Path, metavar="THEME_OR_RUN",
                   help="start from the generator of a theme (folder or bundled id) or of another run")
    p.add_argument("--discriminator", choices=["patchgan", "two_scale"], default="patchgan",
                   help="patchgan (pix2pix, default) or two_scale (pix2pixHD, with feature matching)")
    p.add_argument("--feature-weight", type=float, default=10.0,
                   help="λ for two_scale's feature matching (default 10)")
    p.add_argument("--ema", type=float, default=0.0,
                   help="save and export an average of the generator's weights with this momentum, "
                        "e.g. 0.995 (default 0: the weights as trained)")
    p.add_argument("--epochs", type=int,
                   help="epochs to train to (default 20; with --resume, extends the run)")
    p.add_argument("--batch-size", type=int, default=1, help="pictures per step (default 1)")
    p.add_argument("--lr", type=float, default=1e-3,
                   help="Adam learning rate, beta1 0.5 (default 1e-3)")
    p.add_argument("--l1-weight", type=float, default=10.0, help="λ for the L1 term (default 10)")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--precision", choices=["auto", "float32", "bf16"], default="auto",
                   help="auto: bf16 mixed precision where the CPU or GPU has bf16 units")
    p.add_argument("--no-hand-drawn", action="store_true", help="train on clean sketches only")
    p.add_argument("--no-flip", action="store_true", help="no random left-right flips")
    p.add_argument("--balance-folders", action="store_true",
                   help="draw the pictures of every subfolder as often as those of any other (e.g. one per "
                        "OpenMoji group, so that its many yellow faces do not make everything yellow)")
    p.add_argument("--balance-colours", action="store_true",
                   help="draw the pictures of every main colour (red, orange, yellow, green, blue, purple, "
                        "grey) as often as those of any other, so that the theme's commonest colour does "
                        "not colour everything")
    p.add_argument("--checkpoint-every", type=int, default=200,
                   help="steps between checkpoints (default 200)")
    p.add_argument("--max-steps", type=int, help="stop after this many steps in all (resume later)")
    p.add_argument("--teacher", type=Path,
                   help="a finished run of a larger generator at the same size to distil from "
                        "(its best checkpoint)")
    p.add_argument("--distill-weight", type=float, default=10.0,
                   help="λ for the L1 term towards the teacher's picture (default 10)")
    p.set_defaults(func=_train)


def _evaluate_arguments(sub) -> None:
    p = sub.add_parser("evaluate", help="compare checkpoints; pick the best; table and contact sheet")
    p.add_argument("--run", type=Path, required=True)
    p.add_argument("--drawings", type=Path, help="folder of people's own line drawings for the theme")
    p.add_argument("--data", type=Path, help="prepared folder (default: the run's)")
    p.add_argument("--limit", type=int, default=200, help="held-out pairs to use at most (default 200)")
    p.add_argument("--doodles", type=Path, help="folder of labelled doodles (labels.json) for the colour "
                   "sense figure, e.g. tests/data/doodles")
    p.set_defaults(func=_evaluate)


def _export_arguments(sub) -> None:
    p = sub.add_parser("export", help="write a theme package (manifest, weights, preview)")
    p.add_argument("--run", type=Path, required=True)
    p.add_argument("--id", required=True, help="theme id: lowercase letters, digits, '-', '_'")
    p.add_argument("--name-en", required=True, help="name shown to English speakers")
    p.add_argument("--name-ko", required=True, help="name shown to Korean speakers")
    p.add_argument("--source", required=True, help="where the training pictures came from")
    p.add_argument("--license", required=True, help="their license")
    p.add_argument("--source-ko", help="the source in Korean, for the About page")
    p.add_argument("--license-ko", help="the license in Korean")
    p.add_argument("--look", choices=list(CHILD_LOOKS), default="clean",
                   help="the look a child gets until they pick one: clean (default: the child's lines "
                        "over flat colour), crayon or watercolour (the same colours in a child's materials)")
    p.add_argument("--prompt", nargs=3, action="append", metavar=("ID", "EN", "KO"),
                   help="a drawing challenge, e.g. cat 'Draw a cat' '고양이를 그려 보세요' (repeatable)")
    p.add_argument("--prompts", type=Path, help='JSON file: a list of {"id", "en", "ko"} challenges')
    p.add_argument("--checkpoint", default="best",
                   help="best (from evaluate), last, or an epoch file name")
    p.add_argument("--preview-sketch", type=Path, help="drawing to make the preview picture from")
    p.add_argument("--out", type=Path, default=Path("models"), help="themes folder (default: models)")
    p.add_argument("--force", action="store_true", help="replace an existing theme with this id")
    p.add_argument("--zip", action="store_true",
                   help="also write ID.zip beside it, for 'icanvas --import-theme'")
    p.set_defaults(func=_export)


def _add_tflite_arguments(sub) -> None:
    p = sub.add_parser("add-tflite",
                       help="give an exported theme its LiteRT model, checked against its weights")
    p.add_argument("theme", type=Path, help="theme folder, e.g. models/emoji")
    p.set_defaults(func=_add_tflite)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    # TensorFlow's C++ start-up chatter (CUDA probing, graph rewrites) only confuses;
    # Python errors still show.
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    logging.basicConfig(level=logging.INFO,
                        format="%(levelname)s: %(message)s" if args.quiet else "%(message)s")
    try:
        args.func(args)
    except UsageError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except ModuleNotFoundError as e:
        # The app's own install has every package the app needs; what is missing is one the trainer's extra
        # brings (TensorFlow, Keras, scikit-image and SciPy, tqdm, TensorBoard), or a broken install.
        if not e.name or e.name.partition(".")[0] == "icanvas_desktop":
            raise
        print(f"error: the trainer needs {e.name}, which the app's own install leaves out: install the "
              "trainer with  pip install -e \".[trainer]\"  (from the iCanvas folder, in its virtual "
              "environment)", file=sys.stderr)
        return 2
    except CannotWrite as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    return 0


if __name__ == "__main__":
    sys.exit(main())
