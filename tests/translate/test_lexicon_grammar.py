"""The lexicon backend's pieces: morfeusz readings, disambiguation, English inflection, FreeDict."""
from __future__ import annotations

import gzip

import pytest

pytest.importorskip("morfeusz2")

from pressnlp.stages.translate.lexicon import english  # noqa: E402
from pressnlp.stages.translate.lexicon.analysis import Reading, tokenize  # noqa: E402
from pressnlp.stages.translate.lexicon.compose import Composer  # noqa: E402
from pressnlp.stages.translate.lexicon.disambiguate import disambiguate  # noqa: E402
from pressnlp.stages.translate.lexicon.freedict import FreeDict  # noqa: E402
from pressnlp.stages.translate.lexicon.lexicon import Lexicon, default_lexicon, read_entries  # noqa: E402


@pytest.fixture(scope="module")
def composer() -> Composer:
    return Composer(default_lexicon())


def chosen(composer: Composer, sentence: str) -> dict[str, Reading]:
    tokens = tokenize(sentence)
    disambiguate(tokens, composer.lexical_score)
    return {t.form: t.reading for t in tokens}


# --- disambiguation ---------------------------------------------------------------------------

def test_preposition_governs_case(composer):
    readings = chosen(composer, "Spotkanie z mieszkańcami odbyło się w urzędzie.")
    assert readings["z"].case == {"inst"}  # "z" + instrumental: with
    assert readings["w"].case == {"loc"} and "loc" in readings["urzędzie"].case
    readings = chosen(composer, "Wrócili z Krakowa do domu.")
    assert readings["z"].case == {"gen"}  # "z" + genitive: from


def test_adjective_agrees_with_noun(composer):
    reading = chosen(composer, "Wspieramy rozwój transportu publicznego.")["publicznego"]
    assert reading.lemma == "publiczny" and "gen" in reading.case and "m3" in reading.gender


def test_lowercase_word_is_not_a_proper_name(composer):
    # "lis" lowercase is the animal, "Lis" after a first name is the surname
    assert chosen(composer, "W lesie mieszka lis.")["lis"].lemma == "lis"
    assert chosen(composer, "Powiedział to Konrad Lis.")["Lis"].lemma == "Lis"


def test_rare_reading_is_avoided(composer):
    # "ma" is "has" (mieć), not the archaic short form of "moja"
    assert chosen(composer, "Firma ma nową halę.")["ma"].lemma == "mieć"


def test_lemma_homonym_marks_are_stripped():
    lemmas = {token.form: token.reading.lemma for token in tokenize("do")}
    assert ":" not in lemmas["do"]


def test_agglutinate_is_split_from_the_verb():
    forms = [token.form for token in tokenize("zorganizowaliśmy")]
    assert forms == ["zorganizowali", "śmy"]


# --- English inflection -----------------------------------------------------------------------

@pytest.mark.parametrize(("singular", "plural"), [
    ("bus", "buses"), ("city", "cities"), ("day", "days"), ("child", "children"),
    ("person", "people"), ("information", "information"), ("analysis", "analyses"),
    ("call for applications", "calls for applications"), ("works", "works"),
])
def test_plural(singular, plural):
    assert english.pluralize(singular) == plural


@pytest.mark.parametrize(("base", "third", "past", "participle", "ing"), [
    ("announce", "announces", "announced", "announced", "announcing"),
    ("plan", "plans", "planned", "planned", "planning"),
    ("study", "studies", "studied", "studied", "studying"),
    ("open", "opens", "opened", "opened", "opening"),
    ("build", "builds", "built", "built", "building"),
    ("go", "goes", "went", "gone", "going"),
])
def test_verb_forms(base, third, past, participle, ing):
    forms = english.verb_forms(base)
    assert (forms.third_person, forms.past, forms.past_participle, forms.present_participle) == \
        (third, past, participle, ing)


def test_phrasal_verb_inflects_its_first_word():
    assert english.inflect_phrase("take part", "past") == "took part"
    assert english.inflect_phrase("take part", "third_person") == "takes part"


def test_comparison_and_roman_ordinals():
    assert english.compare("large", "com") == "larger"
    assert english.compare("important", "sup") == "most important"
    assert english.compare("good", "com") == "better"
    assert english.roman_ordinal("II") == "second"
    assert english.roman_ordinal("XXI") == "21st"
    assert english.roman_ordinal("ABC") is None


# --- lexicon files ----------------------------------------------------------------------------

def test_lexicon_size_and_terms():
    size = default_lexicon().size
    assert size["lemmas"] >= 3000
    assert size["terms"] >= 300


def test_lexicon_line_format_is_checked():
    with pytest.raises(ValueError, match="line 2"):
        read_entries("miasto\tcity\tn\nzepsuta linia\n")


def test_term_matches_inflected_forms():
    lexicon = Lexicon(read_entries("odnawialne źródła energii\trenewable energy sources\tn\n"))
    tokens = tokenize("z odnawialnych źródeł energii")
    match = lexicon.match_term(tokens, 1)
    assert match is not None and match[1] == 4
    assert match[0].entry.english == "renewable energy sources"


@pytest.mark.parametrize("listed", [("miejsce pracy\tjob\tn", "miejsca pracy\tjobs\tn"),
                                    ("miejsca pracy\tjobs\tn", "miejsce pracy\tjob\tn")])
def test_of_terms_as_long_the_written_form_wins_then_the_first_listed(listed):
    # "miejsca" is a form of "miejsce": both terms match; which one used to depend on set order
    lexicon = Lexicon(read_entries("\n".join(listed) + "\n"))
    assert lexicon.match_term(tokenize("jakość miejsca pracy"), 1)[0].entry.english == "jobs"
    assert lexicon.match_term(tokenize("nowe miejsce pracy"), 1)[0].entry.english == "job"
    first_listed = listed[0].split("\t")[1]
    assert lexicon.match_term(tokenize("tysiąc miejsc pracy"), 1)[0].entry.english == first_listed


def test_function_words_in_terms_match_only_their_form():
    # "w tym" (including) must not match "w tej" although both are forms of "ten"
    lexicon = Lexicon(read_entries("ten\tthis|these\tdet\nw tym\tincluding\tadv\n"))
    assert lexicon.match_term(tokenize("w tym"), 0) is not None
    assert lexicon.match_term(tokenize("w tej"), 0) is None


# --- FreeDict ---------------------------------------------------------------------------------

def _b64(number: int) -> str:
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
    digits = ""
    while True:
        digits = alphabet[number % 64] + digits
        number //= 64
        if not number:
            return digits


def test_freedict_reader_on_a_small_dictd(tmp_path):
    entries = {
        "dobry": "dobry /ˈdɔbrɨ/ <adj>\n1. interesting, good\nciekawy\n2. good 2.\nmiły\n 3.\nkorzystny\n",
        "mieć": "mieć /mʲjɛ̇ʨ̑/ <v>\n1. to wear\nbyć ubranym\n2. have 2.\nposiadać\n3. to feel, have\nczuć\n",
        "acz": "acz /aʧ̑/ <suffix>\ner\nprzyrostek\n",
    }
    body, index = b"", []
    for word, text in entries.items():
        data = text.encode("utf-8")
        index.append(f"{word}\t{_b64(len(body))}\t{_b64(len(data))}")
        body += data
    (tmp_path / "mini.index").write_text("\n".join(index) + "\n", encoding="utf-8")
    (tmp_path / "mini.dict.dz").write_bytes(gzip.compress(body))
    dictionary = FreeDict.load(tmp_path / "mini")
    assert dictionary is not None and len(dictionary) == 2  # affixes are not words
    # the most frequent English word across senses, "to" dropped from verbs
    assert dictionary.lookup("dobry", ("adj",)) == ("good", "adj")
    assert dictionary.lookup("mieć", ("v",)) == ("have", "v")
    assert dictionary.lookup("acz", ("n",)) is None
    assert FreeDict.load(tmp_path / "missing") is None
    # the table the Polish pack ships is what the converter writes, read back the same
    shipped = FreeDict.from_table(dictionary.table(), "test")
    assert shipped.lookup("mieć", ("v",)) == ("have", "v") and len(shipped) == 2


def test_pack_ships_freedict_with_its_licence():
    from pressnlp import lang
    from pressnlp.stages.translate.base import TranslatorSettings
    from pressnlp.stages.translate.lexicon import LexiconTranslator
    from pressnlp.stages.translate.lexicon.freedict import TABLE_NAME

    header = lang.get("pl").text(TABLE_NAME).split("\n", 12)[:12]
    assert any("Attribution-ShareAlike 3.0" in line for line in header)
    translator = LexiconTranslator("pl", "en", TranslatorSettings())
    assert translator.backend_id.endswith("+freedict") and translator.freedict is not None
    assert translator.freedict.lookup("mechatronika", ("n",)) == ("mechatronics", "n")
    assert LexiconTranslator("pl", "en", TranslatorSettings(extra={"freedict": False})).freedict is None
    # it fills a gap of our lexicon, which has no fox
    assert default_lexicon().lookup("lis", ("n",)) is None
    assert "fox" in Composer(default_lexicon(), translator.freedict).translate("W lesie mieszka lis.")


@pytest.mark.parametrize("name", ["senses.tsv", "derivation.toml", "freedict-pol-eng.tsv", "gist.toml",
                                  "rare_readings.tsv", "lexicon/phrases.tsv"])
def test_memory_digest_follows_each_gist_data_file(monkeypatch, name):
    """Translation-memory keys change with every data file the gist reads."""
    from pressnlp import lang
    from pressnlp.stages.translate.lexicon import implementation_digest

    polish = type(lang.get("pl"))
    original = implementation_digest.__wrapped__()
    read = polish.text
    monkeypatch.setattr(polish, "text", lambda self, file: read(self, file) + ("# edited\n" if file == name else ""))
    monkeypatch.delitem(lang.get("pl").__dict__, "gist_lexicon", raising=False)
    assert implementation_digest.__wrapped__() != original
