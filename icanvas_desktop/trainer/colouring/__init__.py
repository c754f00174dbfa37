"""The colourer's network and its training: which palette colour each part of a drawing takes."""
