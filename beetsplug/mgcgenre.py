"""mgcgenre: genres from mgc-desktop's offline model, in beets' own library.

`beet mgcgenre [QUERY]` classifies the matching items and stores their genres as `mgc-desktop
tag` would choose them (the same model, threshold, learned genres and spellings); with `auto`
the importer does the same for new items. Files are written by beets alone: through
`item.try_write()` when `import.write` is on, otherwise later by `beet write`. Uncertain tracks
(below the threshold, silent, "none of these") are left unchanged and listed; a file that cannot
be decoded costs one warning line. The decisions live in `mgc_desktop.integrations.beets`; this
module is the beets side: configuration, commands, import stage, storing.
"""

from __future__ import annotations

import os
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from beets import ui
from beets.library import Album, Item
from beets.plugins import BeetsPlugin
from beets.util import displayable_path

from mgc_desktop.integrations.beets import VOCABULARIES, Answer, GenreSource, SetupError

# beets 2.14 made the genre a list field (`genres`); earlier 2.x releases keep one string.
GENRE_FIELD = "genres" if "genres" in Item._fields else "genre"
PROGRESS_EVERY_S = 10.0


@dataclass
class Outcome:
    """What a run did (or, pretending, would do)."""

    considered: int = 0
    kept: int = 0  # already had a genre, not forced
    changed: list[Item] = field(default_factory=list)
    unchanged: int = 0  # forced, and the model agrees with what is stored
    uncertain: list[tuple[Item, str]] = field(default_factory=list)
    failed: int = 0
    from_index: int = 0


class MgcGenrePlugin(BeetsPlugin):
    """The `mgcgenre` command, import stage and `$genre` template field."""

    def __init__(self) -> None:
        super().__init__()
        self.config.add(
            {
                "auto": True,
                "min_confidence": None,  # None: the threshold of the genres in use
                "force": False,
                "count": 1,
                "separator": "; ",
                "vocabulary": "auto",  # auto: your learned genres once `mgc-desktop learn` ran
                "model": None,  # None: the shipped model
                "workers": None,  # None: one per core, at most four
                "pretend": False,
            }
        )
        self._import_source: GenreSource | None = None
        self._import_broken = False  # the settings failed once: the import goes on without us
        self._changed_by_task: dict[int, set[int]] = {}
        if self.config["auto"].get(bool):
            self.import_stages = [self.imported]
            self.register_listener("import_task_files", self.write_imported)
            self.register_listener("import", self.close_import_source)
        self.register_listener("cli_exit", self.close_import_source)
        if GENRE_FIELD == "genres":
            # Templates written for older beets (`beet ls -f '$genre'`, path formats) keep
            # working: the genres joined by `separator`. Computed, so never written to files.
            self.template_fields["genre"] = self._genre_text
            self.album_template_fields["genre"] = self._genre_text

    # -- settings -------------------------------------------------------------------------------

    def _source(self) -> GenreSource:
        """A GenreSource for the current configuration; ui.UserError when it is unusable."""

        def number(key: str, kind: type) -> float | int | None:
            value = self.config[key].get()
            if value is None:
                return None
            try:
                return kind(value)
            except (TypeError, ValueError):
                raise ui.UserError(f"mgcgenre: {key} must be a number, not {value!r}") from None

        try:
            source = GenreSource(
                model_path=self.config["model"].get() or None,
                min_confidence=number("min_confidence", float),
                vocabulary=str(self.config["vocabulary"].get()),
                count=number("count", int) or 0,
                workers=number("workers", int),
            )
        except SetupError as exc:
            raise ui.UserError(f"mgcgenre: {exc}") from None
        if source.note:
            self._log.warning("{}", source.note)
        return source

    # -- the command ----------------------------------------------------------------------------

    def commands(self) -> list[ui.Subcommand]:
        cmd = ui.Subcommand("mgcgenre", help="set genres with mgc-desktop's offline model")
        cmd.parser.add_option(
            "-p", "--pretend", action="store_true", help="show what would change, change nothing"
        )
        cmd.parser.add_option(
            "-f", "--force", dest="force", action="store_true", help="replace existing genres"
        )
        cmd.parser.add_option(
            "-F",
            "--no-force",
            dest="force",
            action="store_false",
            help="fill in missing genres only (the default)",
        )
        cmd.parser.add_option(
            "--vocabulary",
            type="choice",
            choices=list(VOCABULARIES),
            metavar="builtin|personal",
            help="the model's ten genres (builtin) or your learned ones (personal); default: "
            "personal once `mgc-desktop learn` ran",
        )
        cmd.func = self.command
        return [cmd]

    def command(self, lib, opts, args: list[str]) -> None:
        """`beet mgcgenre [-p] [-f|-F] [--vocabulary V] [QUERY]`."""
        self.config.set_args(vars(opts))
        pretend = self.config["pretend"].get(bool)
        items = list(lib.items(args))
        with self._source() as source:
            self._log.info(
                "{} item{}, {} genres, threshold {:.2f}",
                len(items),
                "" if len(items) == 1 else "s",
                source.vocabulary,
                source.threshold,
            )
            outcome = self._process(
                items, source, pretend=pretend, write=ui.should_write() and not pretend
            )
        self._report(outcome, pretend)

    def _process(
        self,
        items: Iterable[Item],
        source: GenreSource,
        *,
        pretend: bool,
        write: bool,
        show: bool = True,
    ) -> Outcome:
        """Classify the items that need it and store (unless pretending) what is certain;
        `write`: also write the files through beets. Each item is stored as its answer comes,
        so an interrupted run keeps what it did."""
        force = self.config["force"].get(bool)
        outcome = Outcome()
        by_path: dict[str, list[Item]] = defaultdict(list)
        for item in items:
            outcome.considered += 1
            if not force and item.get(GENRE_FIELD, with_album=False):
                outcome.kept += 1
            else:
                by_path[os.fsdecode(item.path)].append(item)
        started = last = time.monotonic()
        done = 0
        for answer in source.answers(list(by_path)):
            for item in by_path[answer.path]:
                self._settle(item, answer, outcome, pretend=pretend, write=write, show=show)
            outcome.from_index += answer.cached
            done += 1
            now = time.monotonic()
            if now - last >= PROGRESS_EVERY_S and done < len(by_path):
                last = now
                rate = done / (now - started)
                self._log.info(
                    "{}/{} classified ({:.1f}/s, about {:.0f} s left)",
                    done,
                    len(by_path),
                    rate,
                    (len(by_path) - done) / rate,
                )
        return outcome

    def _settle(
        self,
        item: Item,
        answer: Answer,
        outcome: Outcome,
        *,
        pretend: bool,
        write: bool,
        show: bool,
    ) -> None:
        """One item's answer: a warning, an uncertain entry, or its new genres stored."""
        if answer.failed:
            outcome.failed += 1
            self._log.warning("{}: cannot classify: {}", displayable_path(item.path), answer.reason)
            return
        if not answer.genres:
            outcome.uncertain.append((item, answer.reason))
            return
        new = list(answer.genres) if GENRE_FIELD == "genres" else self._joined(answer.genres)
        if item.get(GENRE_FIELD, with_album=False) == new:
            outcome.unchanged += 1
            return
        old = self._genre_text(item) or "(none)"
        item[GENRE_FIELD] = new
        if show:  # one line per item, as `mgc-desktop tag` prints its plan; the path is the
            # one name every item has (imported files often have no artist or title yet)
            path = displayable_path(item.path)
            ui.print_(f"{path}: {old} -> {self._genre_text(item)} ({answer.reason})")
        outcome.changed.append(item)
        if pretend:
            return
        if write:
            item.try_write()  # beets logs a failed write itself; the library keeps the genre
        item.store()

    def _report(self, outcome: Outcome, pretend: bool) -> None:
        """The summary line and the list of uncertain items, left unchanged."""
        would = "would be " if pretend else ""
        parts = [f"{len(outcome.changed)} {would}set", f"{len(outcome.uncertain)} uncertain"]
        if outcome.unchanged:
            parts.append(f"{outcome.unchanged} unchanged")
        if outcome.kept:
            parts.append(f"{outcome.kept} kept their genre (--force replaces)")
        if outcome.failed:
            parts.append(f"{outcome.failed} failed")
        note = f"; {outcome.from_index} from the app's index" if outcome.from_index else ""
        items = f"{outcome.considered} item{'' if outcome.considered == 1 else 's'}"
        ui.print_(f"mgcgenre: {items}: {', '.join(parts)}{note}")
        if outcome.uncertain:
            ui.print_("uncertain, left unchanged:")
            for item, reason in outcome.uncertain:
                ui.print_(f"  {displayable_path(item.path)}: {reason}")
        if pretend:
            ui.print_("pretend: nothing was changed")

    # -- import ---------------------------------------------------------------------------------

    def imported(self, session, task) -> None:
        """Import stage: genres for the new items, stored in the library. The files are written
        after beets has copied or moved them (`write_imported`), never at their source."""
        if self._import_broken:
            return
        try:
            if self._import_source is None:
                self._import_source = self._source()
        except ui.UserError as exc:
            self._import_broken = True
            self._log.error("{}; imported items get no genre from it", exc)
            return
        outcome = self._process(
            task.imported_items(),
            self._import_source,
            pretend=False,  # beets stores the imported items after this stage anyway
            write=False,
            show=False,
        )
        for item in outcome.changed:
            self._log.info("{}: {}", item, self._genre_text(item))
        for item, reason in outcome.uncertain:
            self._log.info("{}: uncertain, left unchanged: {}", displayable_path(item.path), reason)
        if outcome.changed:
            self._changed_by_task[id(task)] = {item.id for item in outcome.changed}

    def write_imported(self, session, task) -> None:
        """With `import.write`, write the genres of imported items to their files, now in their
        place in the library. Items beets wrote itself (autotagged) already hold them."""
        changed = self._changed_by_task.pop(id(task), set())
        if not changed or not session.config["write"].get(bool):  # `import.write`, or -w/-W
            return
        if task.apply or getattr(task.choice_flag, "name", "") == "RETAG":
            return
        for item in task.imported_items():
            if item.id in changed and item.try_write():
                item.store()  # the file's new mtime

    def close_import_source(self, **_: object) -> None:
        """End of the import (or of beets): stop the workers."""
        source, self._import_source = self._import_source, None
        if source is not None:
            source.close()

    def _joined(self, names: Iterable[str]) -> str:
        return self.config["separator"].as_str().join(names)

    def _genre_text(self, obj: Item | Album) -> str:
        """An item's or album's own genres as one string (`$genre` on beets 2.14+)."""
        if isinstance(obj, Item):
            value = obj.get(GENRE_FIELD, with_album=False)
        else:
            value = obj.get(GENRE_FIELD)
        return value if isinstance(value, str) else self._joined(value or [])
