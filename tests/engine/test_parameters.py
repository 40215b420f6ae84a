import pytest

from claimscope.engine import parameters as params
from claimscope.errors import ParameterError

WHERE = "reports.toml: variant 'x'"


def test_defaults_fill_what_a_variant_leaves_out():
    values = params.validate({"scenario": "bull"}, WHERE)
    assert values["scenario"] == "bull"
    assert values["mc_draws"] == params.PARAMETERS["mc_draws"].default


@pytest.mark.parametrize(
    "values, words",
    [
        ({"senario": "base"}, ["unknown parameter 'senario'", "known parameters"]),
        ({"scenario": "hyper"}, ["'scenario' = 'hyper'", "bear | base | bull"]),
        ({"mc_draws": "many"}, ["'mc_draws' = 'many'", "has type str", "from 1,000 to 2,000,000"]),
        ({"mc_draws": 10}, ["'mc_draws' = 10", "out of range"]),
        ({"top_n": True}, ["'top_n' = True", "has type bool"]),
        ({"disruption_threshold": 0.9}, ["out of range", "0.001 to 0.5"]),
        ({"as_of": "1999-01-01"}, ["'as_of'", "out of range"]),
        ({"as_of": "yesterday"}, ["not a date"]),
        ({"article": "no-such-article"}, ["'article' = 'no-such-article'", "sora-gpt4-bottleneck"]),
    ],
)
def test_bad_values_are_refused_with_variant_parameter_value_and_allowed(values, words):
    with pytest.raises(ParameterError) as err:
        params.validate(values, WHERE)
    message = str(err.value)
    assert message.startswith(WHERE)
    for word in words:
        assert word in message


def test_an_int_for_a_float_parameter_is_range_checked_as_a_float():
    with pytest.raises(ParameterError, match="out of range"):
        params.validate({"disruption_threshold": 0}, WHERE)
    assert params.validate({"disruption_threshold": 0.1}, WHERE)["disruption_threshold"] == 0.1


def test_declaration_round_trips_through_a_parameters_cell():
    source = "\n".join(p.declaration() for p in params.PARAMETERS.values())
    assert params.check_declarations(source, "nb") == list(params.PARAMETERS)


def test_a_notebook_line_that_differs_from_the_declaration_is_refused():
    line = params.PARAMETERS["top_n"].declaration().replace("= 15", "= 20")
    with pytest.raises(ParameterError, match="differs from its declaration"):
        params.check_declarations(line, "nb")


def test_a_parameter_unknown_to_the_registry_is_refused():
    with pytest.raises(ParameterError, match="not declared in claimscope.engine.parameters"):
        params.check_declarations('colour: str = "red"  # help', "nb")


def test_command_line_overrides_are_parsed_in_their_type_and_checked():
    assert params.overrides(["mc_draws=5000", "scenario=bull", "disruption_threshold=0.1"]) == {
        "mc_draws": 5000,
        "scenario": "bull",
        "disruption_threshold": 0.1,
    }
    for bad, words in (
        ("mc_draws=abc", "is not an int"),
        ("mc_draws=5", "out of range"),
        ("scenario=nonsense", "bear | base | bull"),
        ("nothing", "expected NAME=VALUE"),
    ):
        with pytest.raises(ParameterError, match=words):
            params.overrides([bad])


def test_an_override_makes_a_one_off_variant_that_never_replaces_a_listed_one():
    from claimscope.engine import variants

    listed = variants.load()
    (custom,) = variants.select(listed, ["sora-base"], {"scenario": "bull"})
    assert custom.name == "sora-base-custom" and custom.parameters["scenario"] == "bull"
    assert "one-off: scenario=bull" in custom.title
    assert variants.select(listed, ["sora-base"])[0].parameters["scenario"] == "base"
