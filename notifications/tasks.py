from django_tasks import task


@task()
def send_outgoing_email(email_id: int) -> str:
    """Background job: send one recorded e-mail (see notifications.services.email_send)."""
    from notifications.services import email_send

    return email_send(email_id=email_id).status
