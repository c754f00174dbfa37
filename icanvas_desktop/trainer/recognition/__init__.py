"""The sketch recogniser: what a child drew, from OpenMoji's line art drawn again in a child's hand."""
