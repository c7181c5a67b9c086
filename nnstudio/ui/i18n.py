"""Translating texts that come from the non-Qt layers, and choosing the language.

The engine, data and project layers speak English only (they never import
Qt). Their texts are listed for ``pyside6-lupdate`` in the generated
``nnstudio/ui/i18n_catalog.py`` (``scripts/make_i18n_catalog.py``) and
translated here at run time, in the same contexts:

* :func:`tr_problem` / :func:`tr_fix`: validator messages and fix labels
  (context ``"Problems"``): the *template* is translated, then filled with
  the problem's parameters, so ``{k}``-style numbers survive translation;
* :func:`tr_registry`: engine registry summaries (context ``"Registry"``);
* :func:`tr_dataset`: built-in dataset titles, descriptions and parameter
  labels/help (context ``"DataDock"``, the context the Data dock's
  ``self.tr(...)`` uses);
* :func:`tr_check`: a lesson check's message (context ``"Checks"``), template
  translated, then filled with the check's numbers.

:func:`current_language` resolves the ``ui/language`` setting and
:func:`install_translators` installs nnstudio's and Qt's own translations.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

PROBLEMS_CONTEXT = "Problems"
REGISTRY_CONTEXT = "Registry"
DATASETS_CONTEXT = "DataDock"
CHECKS_CONTEXT = "Checks"


def _fill(template: str, translated: str, params: dict) -> str:
    """``translated`` filled with ``params``; a broken translation falls back to English."""
    try:
        return translated.format(**params)
    except (KeyError, IndexError, ValueError):
        return template.format(**params)


def tr_problem(problem) -> str:
    """The problem's message in the UI language (template translated, then filled)."""
    template = problem.template
    params = problem.params or {}
    return _fill(template, QCoreApplication.translate(PROBLEMS_CONTEXT, template), params)


def tr_fix(fix) -> str:
    """The fix's button label in the UI language."""
    template = fix.template
    params = fix.params or {}
    return _fill(template, QCoreApplication.translate(PROBLEMS_CONTEXT, template), params)


def tr_check(message) -> str:
    """A lesson check's message in the UI language (a plain string is shown as it is)."""
    template = getattr(message, "template", None)
    if template is None:
        return str(message)
    params = message.params or {}
    return _fill(template, QCoreApplication.translate(CHECKS_CONTEXT, template), params)


def tr_registry(text: str) -> str:
    """An engine registry ``summary`` in the UI language."""
    return QCoreApplication.translate(REGISTRY_CONTEXT, text) if text else text


def tr_dataset(text: str) -> str:
    """A built-in dataset's title, description or parameter label/help in the UI language."""
    return QCoreApplication.translate(DATASETS_CONTEXT, text) if text else text


def current_language() -> str:
    """'en' or 'ko': the ``ui/language`` setting ('en', 'ko' or 'system'; 'system' follows QLocale)."""
    from nnstudio.ui.settings import resolve_language

    return resolve_language(None)


def install_translators(app, lang: str | None = None) -> list:
    """Install the translations for ``lang`` (None: :func:`current_language`) on ``app``.

    Loads ``resources/translations/nnstudio_<lang>.qm`` (found through
    :mod:`nnstudio.resources`) and Qt's own ``qtbase_<lang>.qm`` from
    ``QLibraryInfo.path(QLibraryInfo.TranslationsPath)`` when present,
    replacing any translators installed before. Returns the installed
    translators; English installs none.
    """
    from nnstudio.ui.settings import resolve_language

    return _install(app, resolve_language(lang))


def _install(app, lang: str) -> list:
    """Install nnstudio's and Qt's own translations for ``lang`` (missing files are skipped)."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

    from nnstudio import resources

    for old in app.property("nnstudio_translators") or []:
        app.removeTranslator(old)
    installed = []
    if lang and lang != "en":
        QLocale.setDefault(QLocale(lang))
        candidates = []
        try:
            candidates.append((f"nnstudio_{lang}", str(resources.translations_dir())))
        except FileNotFoundError:
            pass
        candidates.append((f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.TranslationsPath)))
        for name, folder in candidates:
            translator = QTranslator(app)
            if translator.load(name, folder):
                app.installTranslator(translator)
                installed.append(translator)
    app.setProperty("nnstudio_translators", installed)
    return installed


def remove_translators(app) -> None:
    """Remove every translator :func:`install_translators` installed (back to English)."""
    for old in app.property("nnstudio_translators") or []:
        app.removeTranslator(old)
    app.setProperty("nnstudio_translators", [])
