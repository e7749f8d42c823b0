class ProgramError(Exception):
    """A move of a program's registration the workflow does not allow, or input it cannot
    take; the message is for the person who tried it."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
