<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>About</name>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="93"/>
        <source>… and %n more (see the model&apos;s card file)</source>
        <translation>
            <numerusform>… and %n more (see the model&apos;s card file)</numerusform>
            <numerusform>… and %n more (see the model&apos;s card file)</numerusform>
        </translation>
    </message>
</context>
</TS>
