"""Hand-written articles for story tests: two earthquakes (one kind of event, two events), and a trial."""

from __future__ import annotations

IRAN = {
    "quake_ap.txt": """Published: 2014-03-05
Earthquake kills 37 in northern Iran

A magnitude 6.1 earthquake struck near the town of Kandaleh in Iran's Golestan province on Tuesday, March 4, 2014,
killing at least 37 people and injuring more than 480, provincial governor Ali Rezaei said.
The Red Crescent sent rescue teams to Kandaleh and the nearby villages of Sarband and Tazeh Abad.
Rezaei said many mud-brick homes in Sarband had collapsed and that rescuers were still searching the rubble.
""",
    "quake_reuters.txt": """Published: 2014-03-05
Iran quake toll rises to 37, governor says

At least 37 people died when a 6.1 magnitude quake hit Golestan province near Kandaleh on Tuesday, March 4, 2014.
Governor Ali Rezaei told state television that 480 people were hurt and that Sarband was among the worst hit.
Red Crescent teams reached Tazeh Abad overnight. Mud-brick houses in Kandaleh collapsed, Rezaei said.
""",
    "quake_bbc.txt": """Published: 2014-03-06
Rescuers search rubble after Golestan earthquake

Rescue workers in Golestan dug through the rubble of mud-brick homes in Sarband on Wednesday, a day after the
magnitude 6.1 earthquake near Kandaleh killed 37 people, according to governor Ali Rezaei.
The Red Crescent said 480 people were injured and that shelters had been set up in Tazeh Abad and Kandaleh.
""",
}

CHILE = {
    "chile_one.txt": """Published: 2011-06-13
Strong earthquake shakes Valparaiso

A magnitude 7.2 earthquake struck off the coast of Valparaiso, Chile, on Sunday, June 12, 2011, damaging the
port and killing four people, the emergency office ONEMI said. Interior minister Rodrigo Hinzpeter said tsunami
sirens sounded in Vina del Mar and the port of San Antonio was closed.
""",
    "chile_two.txt": """Published: 2011-06-13
Chile quake kills four, damages Valparaiso port

Four people died after a 7.2 magnitude earthquake off Valparaiso on Sunday, June 12, 2011, ONEMI said.
Rodrigo Hinzpeter, the interior minister, said Vina del Mar and San Antonio had been evacuated after tsunami
sirens, and that the Valparaiso port would reopen on Tuesday.
""",
}

TRIAL = {
    "trial_one.md": """---
date: 2016-09-20
---
# Jury convicts Halvorsen of fraud

A jury in Tromsdal found shipping executive Magnus Halvorsen guilty of fraud on Monday, September 19, 2016.
Judge Ingrid Aasen set sentencing for November, and prosecutor Erik Brandvold asked for six years.
""",
    "trial_two.md": """---
date: 2016-09-20
---
# Halvorsen found guilty in Tromsdal fraud trial

Magnus Halvorsen was convicted of fraud by a Tromsdal jury on Monday, September 19, 2016. Prosecutor Erik
Brandvold said he would seek six years; Judge Ingrid Aasen will sentence Halvorsen in November.
""",
}

ALL = {**IRAN, **CHILE, **TRIAL}
