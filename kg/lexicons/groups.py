"""Peoples, creeds and political camps: NORP words that name no organisation or person."""

from __future__ import annotations

# Creeds and political camps: names NER may call organisations, never anybody's employer.
CREEDS = frozenset(
    """mormon mormons catholic catholics muslim muslims islamic jewish jews christian christians
    protestant protestants buddhist buddhists hindu hindus sikh sikhs evangelical evangelicals
    orthodox anglican methodist baptist lutheran sunni sunnis shiite shiites shia communist
    communists socialist socialists republican republicans democrat democrats conservative
    conservatives liberal liberals labour tory tories""".split()
)
# Peoples, regions' adjectives and movements NER labels NORP besides the demonyms (places) and
# the creeds above.
GROUP_WORDS = frozenset(
    """asian african arab arabic hispanic latino latina latinx kurdish kurd soviet western eastern
    northern southern nordic scandinavian baltic balkan slavic caribbean indigenous native
    aboriginal black white gop maoist marxist leninist nazi fascist islamist zionist scottish
    welsh english new zealander kiwi""".split()
)
