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
<context>
    <name>Learn</name>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="57"/>
        <source>Learns the genre names your tagged tracks already carry, so that the app answers in your words. Tags are only read; nothing is written. Genres with fewer than %n tagged tracks are left out. A track unlike all of your genres is “none of these” and never written. Forget deletes what was learned.</source>
        <translation>
            <numerusform>Learns the genre names your tagged tracks already carry, so that the app answers in your words. Tags are only read; nothing is written. Genres with fewer than %n tagged track are left out. A track unlike all of your genres is “none of these” and never written. Forget deletes what was learned.</numerusform>
            <numerusform>Learns the genre names your tagged tracks already carry, so that the app answers in your words. Tags are only read; nothing is written. Genres with fewer than %n tagged tracks are left out. A track unlike all of your genres is “none of these” and never written. Forget deletes what was learned.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="139"/>
        <source>Learned %n genres from {used} tagged tracks.</source>
        <translation>
            <numerusform>Learned %n genre from {used} tagged tracks.</numerusform>
            <numerusform>Learned %n genres from {used} tagged tracks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="142"/>
        <source>Cross-validated accuracy {accuracy} of %n tracks (95% interval {interval}; mean per genre {mean}).</source>
        <translation>
            <numerusform>Cross-validated accuracy {accuracy} of %n track (95% interval {interval}; mean per genre {mean}).</numerusform>
            <numerusform>Cross-validated accuracy {accuracy} of %n tracks (95% interval {interval}; mean per genre {mean}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="151"/>
        <source>%n tracks have no genre tag.</source>
        <translation>
            <numerusform>%n track has no genre tag.</numerusform>
            <numerusform>%n tracks have no genre tag.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="154"/>
        <source>%n files could not be read.</source>
        <translation>
            <numerusform>%n file could not be read.</numerusform>
            <numerusform>%n files could not be read.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="183"/>
        <source>Fewer than %n tagged tracks: the estimate may be far off. Tag more tracks of this genre.</source>
        <translation>
            <numerusform>Fewer than %n tagged track: the estimate may be far off. Tag more tracks of this genre.</numerusform>
            <numerusform>Fewer than %n tagged tracks: the estimate may be far off. Tag more tracks of this genre.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="210"/>
        <source>None of these: compared with %n untagged tracks.</source>
        <translation>
            <numerusform>None of these: compared with %n untagged track.</numerusform>
            <numerusform>None of these: compared with %n untagged tracks.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Similar</name>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/similar_panel.py" line="71"/>
        <source>%n most similar indexed tracks</source>
        <translation>
            <numerusform>The most similar indexed track</numerusform>
            <numerusform>%n most similar indexed tracks</numerusform>
        </translation>
    </message>
</context>
</TS>
