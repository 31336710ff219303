"""The wizard in Norwegian bokmål: footer keys, home, a walk, help, and F2 switching while running."""

from __future__ import annotations

import pytest
from textual.widgets import Input, OptionList, Static
from textual.widgets._footer import FooterKey

from tests.ui.conftest import make_app
from wizard.language import messages
from wizard.ui.screens.help import HelpScreen
from wizard.ui.screens.home import HomeScreen
from wizard.ui.screens.walk import WalkScreen


@pytest.fixture
def norwegian():
    """Speak bokmål from here on (the shared autouse fixture goes back to English afterwards)."""
    messages.use("nb")
    assert messages.current() == "nb"
    assert messages._("Quit") == "Avslutt", "no compiled catalog: run scripts/messages.py compile"


@pytest.fixture
def bilingual_app():
    """The wizard over the fixture trees, whose texts speak both languages."""
    return make_app


def footer_keys(screen) -> list[str]:
    return [key.description for key in screen.query(FooterKey)]


def text_of(screen, selector: str) -> str:
    return str(screen.query_one(selector, Static).render())


def options_of(screen, selector: str) -> list[str]:
    options = screen.query_one(selector, OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_home_in_norwegian_shows_norwegian_keys_and_code_titles(norwegian, bilingual_app):
    app = bilingual_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, HomeScreen)
        keys = footer_keys(screen)
        for word in ("Søk", "Saker", "Skann logger", "Språk", "Avslutt", "Hjelp", "palett"):
            assert word in keys, keys
        assert not {"Search", "Quit", "Help", "palette"} & set(keys)
        shown = options_of(screen, "#codes")
        assert any("Klientfeil" in o for o in shown) and any("Kjøretilgang forbudt" in o for o in shown), shown
        assert text_of(screen, "#summary") == "8 koder · Enter starter gjennomgangen · Ctrl+P hopper til en kode"
        assert screen.query_one("#search", Input).placeholder.endswith("eller lim inn en feilside")
        await pilot.press(*"xyzzy")
        assert text_of(screen, "#summary") == "Ingen treff for 'xyzzy'"


async def test_walk_in_norwegian_shows_question_answers_and_keys(norwegian, bilingual_app):
    app = bilingual_app()
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await pilot.press(*"403.1", "enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, WalkScreen)
        assert text_of(screen, "#question") == "Hva slags fil peker URL-en til?"
        assert text_of(screen, "#how") == "Slik sjekker du: Se på filtypen i adressefeltet."
        assert options_of(screen, "#answers") == ["1. En ASP-side", "2. Et CGI-program", "3. En ISAPI-utvidelse"]
        keys = footer_keys(screen)
        for word in ("Eksporter", "Ferdig", "Hjelp", "Avslutt", "Notat", "Hjem", "Saksnr."):
            assert word in keys, keys
        path = str(screen.query_one("#path").render())
        assert "Veien så langt" in path and "(ingenting besvart ennå)" in path

        await pilot.press("1")  # the outcome: headings, the way on, and the n key, in Norwegian
        await pilot.pause()
        outcome = "\n".join(str(s.render()) for s in screen.query("#outcome-view Static"))
        assert "Årsak" in outcome and "Løsning" in outcome and "Mappens kjøretillatelse er Ingen." in outcome
        assert "Løste ikke dette problemet? Trykk n for å sjekke Skripttilordning." in outcome
        assert "Ikke løst" in footer_keys(screen)
        path = str(screen.query_one("#path").render())
        assert "→ En ASP-side" in path


async def test_f2_switches_home_to_norwegian_and_back():
    app = make_app()
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        assert "Search" in footer_keys(app.screen)
        assert "Enter starts the walk" in text_of(app.screen, "#summary")
        await pilot.press("f2")
        await pilot.pause()
        assert messages.current() == "nb"
        home = app.screen
        assert isinstance(home, HomeScreen)
        keys = footer_keys(home)
        assert {"Søk", "Saker", "Språk", "Avslutt", "Hjelp", "palett"} <= set(keys), keys
        assert not {"Search", "Saved cases", "Language", "Quit", "Help", "palette"} & set(keys)
        assert "koder · Enter starter gjennomgangen" in text_of(home, "#summary")
        assert home.query_one("#search", Input).placeholder.endswith("eller lim inn en feilside")
        assert [n.title for n in app._notifications][-1] == "Språk"

        await pilot.press("f2")
        await pilot.pause()
        assert messages.current() == "en"
        keys = footer_keys(app.screen)
        assert {"Search", "Saved cases", "Language", "Quit", "Help"} <= set(keys), keys
        assert "Enter starts the walk" in text_of(app.screen, "#summary")


async def test_help_lists_norwegian_key_descriptions(norwegian):
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = text_of(app.screen, "#help-keys")
        for text in ("Taster", "Hopp til en hvilken som helst kode (kommandopaletten)", "Søk", "Saker"):
            assert text in keys, keys
        assert "Saved cases" not in keys and "Search" not in keys
        assert text_of(app.screen, "#help-text").startswith("Skriv en kode")
        assert text_of(app.screen, "#help-close") == "Esc lukker denne hjelpen."


async def test_walk_help_and_dialogs_in_norwegian(norwegian):
    app = make_app(code="403.1")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        keys = text_of(app.screen, "#help-keys")
        assert "Ikke løst" in keys and "Velg det svaret" in keys and "Gå til en kommando; kopier den" in keys
        await pilot.press("escape")
        await pilot.press("t")  # the ticket dialog: title, placeholder and hint
        await pilot.pause()
        statics = [str(s.render()) for s in app.screen.query(Static)]
        assert "Saksnummer eller kunde for denne saken" in statics
        assert "Enter lagrer · Esc avbryter · tomt felt fjerner det" in statics
        assert app.screen.query_one("#ticket-input", Input).placeholder.startswith("INC0012345, Contoso, innringerens")
