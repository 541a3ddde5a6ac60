<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<!-- Qt's own dialogs: strings Qt 6 renamed (with an accelerator) that its qtbase_fr.qm still lacks.
     Kept by hand (scripts/translations.py update does not touch this file); tests/gui/test_qt_french.py
     opens Qt's dialogs in French and fails on any English left. -->
<context>
    <name>QFileDialog</name>
    <message>
        <source>&amp;Look in:</source>
        <translation>&amp;Voir dans :</translation>
    </message>
    <message>
        <source>Files of &amp;type:</source>
        <translation>Fichiers de &amp;type :</translation>
    </message>
</context>
</TS>
