class PartnerError(Exception):
    """A change to a partner's accounts or profile that cannot be made; the message is for the
    person who tried it."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
