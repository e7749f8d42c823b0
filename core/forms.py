"""The renderer of the public site's forms.

Django renders a form's widgets through a template each (a select, each of its options, each
attribute list). Through Django's template engine that is about 8 ms of a listing's filter form;
Django also ships the same widget templates for Jinja2 (``django/forms/jinja2``), which render
the same HTML in about half that (docs/performance.md, "Forms through Jinja2, …"). The public
forms use them through Django's documented ``Jinja2`` renderer, set as their
``default_renderer``. The admin keeps the default renderer: its widgets have Django templates
only.
"""

from django import forms
from django.forms.renderers import Jinja2

# One renderer, so its Jinja2 environment (and its compiled templates) is built once per process.
PUBLIC_FORM_RENDERER = Jinja2()


class PublicForm(forms.Form):
    """A form of the public site (the base of its filter forms: ``FilterSet.Meta.form``)."""

    default_renderer = PUBLIC_FORM_RENDERER
