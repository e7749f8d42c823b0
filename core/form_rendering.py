"""Django's form widgets rendered in Python: the same HTML, without a template per option.

Django renders every ``<option>`` of a select, every attribute list and every (empty) error
list through a template of its own: the needs filter form took 116 template renders. This
renderer writes exactly what Django's own templates (``django/forms/widgets/*.html``,
``django/forms/errors/list/*.html``) write, from the same context the widgets build, for the
widgets the public forms use; any other template goes through Django's renderer as before.
``tests/core/test_form_rendering.py`` compares the two, byte for byte.

A form uses it with ``default_renderer = FastFormRenderer`` (``FastForm``); its selects with
``FastSelect`` skip Django's widget context too.
"""

import html
from collections.abc import Callable

from django import forms
from django.forms.renderers import DjangoTemplates
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe


def escaped(value) -> str:
    """``conditional_escape(value)``, the same HTML; a plain ``str`` straight through the standard
    library's ``html.escape`` (which Django's ``escape`` calls), without Django's check for lazy
    arguments: a filter form escapes a few hundred option values and labels."""
    if type(value) is str:
        return html.escape(value)
    return conditional_escape(value)


def _text(value) -> str:
    """``{{ value|stringformat:'s' }}`` with autoescape."""
    return str(escaped(value))


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html"""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        name = escaped(name)
        parts.append(f" {name}" if value is True else f' {name}="{_text(value)}"')
    return "".join(parts)


def _input(context: dict) -> str:
    """django/forms/widgets/input.html (and text, search, email, date, hidden…)."""
    widget = context["widget"]
    value = "" if widget["value"] is None else f' value="{_text(widget["value"])}"'
    kind, name = escaped(widget["type"]), escaped(widget["name"])
    return f'<input type="{kind}" name="{name}"{value}{_attrs(widget["attrs"])}>'


def _option(option: dict) -> str:
    """django/forms/widgets/select_option.html"""
    label = escaped(option["label"])
    return f'<option value="{_text(option["value"])}"{_attrs(option["attrs"])}>{label}</option>'


def _select(context: dict) -> str:
    """django/forms/widgets/select.html"""
    widget = context["widget"]
    html = [f'<select name="{escaped(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, group_choices, _index in widget["optgroups"]:
        if group_name:
            html.append(f'\n  <optgroup label="{escaped(group_name)}">')
        for option in group_choices:
            if option["template_name"] != "django/forms/widgets/select_option.html":
                raise _Unhandled
            html.append(f"\n  {_option(option)}\n")
        if group_name:
            html.append("\n  </optgroup>")
    html.append("\n</select>")
    return "".join(html)


def _textarea(context: dict) -> str:
    """django/forms/widgets/textarea.html"""
    widget = context["widget"]
    value = escaped(widget["value"]) if widget["value"] else ""
    return f'<textarea name="{escaped(widget["name"])}"{_attrs(widget["attrs"])}>\n{value}</textarea>'


def _error_list(context: dict) -> str:
    """django/forms/errors/list/default.html and ul.html"""
    errors = context["errors"]
    if not errors:
        return ""
    field_id = getattr(errors, "field_id", None)
    error_id = f' id="{escaped(field_id)}_error"' if field_id else ""
    items = "".join(f"<li>{escaped(error)}</li>" for error in errors)
    return f'<ul class="{escaped(context["error_class"])}"{error_id}>{items}</ul>'


class _Unhandled(Exception):
    """A context this renderer does not write: Django's template renders it."""


INPUT_TYPES = ("text", "search", "email", "date", "hidden", "number", "password", "url", "input")
RENDERERS: dict[str, Callable[[dict], str]] = {
    **{f"django/forms/widgets/{name}.html": _input for name in INPUT_TYPES},
    "django/forms/widgets/select.html": _select,
    "django/forms/widgets/textarea.html": _textarea,
    "django/forms/errors/list/default.html": _error_list,
    "django/forms/errors/list/ul.html": _error_list,
}


class FastFormRenderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        render = RENDERERS.get(template_name)
        if render is not None:
            try:
                # Django's renderer strips what its template gives; these give it stripped.
                return render(context)
            except _Unhandled:
                pass
        return super().render(template_name, context, request)


class FastForm(forms.Form):
    default_renderer = FastFormRenderer


class FastSelect(forms.Select):
    """A select whose options are written straight from its choices when its form renders with
    ``FastFormRenderer``: the same HTML as ``_select`` writes from Django's context, without the
    context (a dict of attributes per option). Grouped choices and multiple selections go
    through Django's ``get_context`` as before."""

    def render(self, name, value, attrs=None, renderer=None):
        if not isinstance(renderer, FastFormRenderer) or self.allow_multiple_selected:
            return super().render(name, value, attrs, renderer)
        values = self.format_value(value)
        html = [f'<select name="{escaped(name)}"{_attrs(self.build_attrs(self.attrs, attrs))}>']
        has_selected = False
        for option_value, label in self.choices:
            if isinstance(label, list | tuple):
                return super().render(name, value, attrs, renderer)
            if option_value is None:
                option_value = ""
            # As Django's optgroups: the first option whose value matches is the selected one.
            selected = not has_selected and str(option_value) in values
            has_selected |= selected
            chosen = " selected" if selected else ""
            html.append(f'\n  <option value="{_text(option_value)}"{chosen}>{escaped(label)}</option>\n')
        html.append("\n</select>")
        return mark_safe("".join(html))  # noqa: S308 (every value above is escaped)
