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
    <name>Albums</name>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/library_tree.py" line="63"/>
        <source>%n tracks.</source>
        <translation>
            <numerusform>%n track.</numerusform>
            <numerusform>%n tracks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/library_tree.py" line="65"/>
        <source>Album genre from the summed probabilities of %n classified tracks.</source>
        <translation>
            <numerusform>Album genre from the summed probabilities of %n classified track.</numerusform>
            <numerusform>Album genre from the summed probabilities of %n classified tracks.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/library_tree.py" line="203"/>
        <source>%n tracks</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
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
    <name>Live</name>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/live_panel.py" line="270"/>
        <source>{status} · %n overflows</source>
        <translation>
            <numerusform>{status} · %n overflow</numerusform>
            <numerusform>{status} · %n overflows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="80"/>
        <source>Plans the %n tracks you accepted or gave a genre, whatever is selected; the files it writes are the status bar&apos;s “to write”. No other file is touched.</source>
        <translation>
            <numerusform>Plans the %n track you accepted or gave a genre, whatever is selected; the files it writes are the status bar&apos;s “to write”. No other file is touched.</numerusform>
            <numerusform>Plans the %n tracks you accepted or gave a genre, whatever is selected; the files it writes are the status bar&apos;s “to write”. No other file is touched.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="218"/>
        <source>%n to write</source>
        <translation>
            <numerusform>%n to write</numerusform>
            <numerusform>%n to write</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="219"/>
        <source>%n left as they are</source>
        <translation>
            <numerusform>%n left as it is</numerusform>
            <numerusform>%n left as they are</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="220"/>
        <source>%n cannot be written</source>
        <translation>
            <numerusform>%n cannot be written</numerusform>
            <numerusform>%n cannot be written</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="243"/>
        <source>&amp;Write %n files</source>
        <translation>
            <numerusform>&amp;Write %n file</numerusform>
            <numerusform>&amp;Write %n files</numerusform>
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
<context>
    <name>TagFlowText</name>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="201"/>
        <source>It restores the genres it replaced in %n files in {folder}, byte for byte where the file is as it left it.</source>
        <translation>
            <numerusform>It restores the genres it replaced in %n file in {folder}, byte for byte where the file is as it left it.</numerusform>
            <numerusform>It restores the genres it replaced in %n files in {folder}, byte for byte where the file is as it left it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="208"/>
        <source>It restores the genres it replaced in %n files, byte for byte where the file is as it left it.</source>
        <translation>
            <numerusform>It restores the genres it replaced in %n file, byte for byte where the file is as it left it.</numerusform>
            <numerusform>It restores the genres it replaced in %n files, byte for byte where the file is as it left it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="221"/>
        <source>&amp;Undo %n files</source>
        <translation>
            <numerusform>&amp;Undo %n file</numerusform>
            <numerusform>&amp;Undo %n files</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="261"/>
        <source>Errors (%n)</source>
        <translation>
            <numerusform>Errors (%n)</numerusform>
            <numerusform>Errors (%n)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="444"/>
        <source>%n tracks</source>
        <translation>
            <numerusform>%n track</numerusform>
            <numerusform>%n tracks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="446"/>
        <source>%n shown</source>
        <translation>
            <numerusform>%n shown</numerusform>
            <numerusform>%n shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="448"/>
        <source>%n uncertain</source>
        <translation>
            <numerusform>%n uncertain</numerusform>
            <numerusform>%n uncertain</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="450"/>
        <location filename="../../mgc_desktop/gui/main_window.py" line="609"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n failed</numerusform>
            <numerusform>%n failed</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="452"/>
        <source>%n to write</source>
        <translation>
            <numerusform>%n to write</numerusform>
            <numerusform>%n to write</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="455"/>
        <source>%n files will change when you write ({policy} policy, threshold {threshold}).</source>
        <translation>
            <numerusform>%n file will change when you write ({policy} policy, threshold {threshold}).</numerusform>
            <numerusform>%n files will change when you write ({policy} policy, threshold {threshold}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="463"/>
        <source>%n tracks decided.</source>
        <translation>
            <numerusform>%n track decided.</numerusform>
            <numerusform>%n tracks decided.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="607"/>
        <source>%n files</source>
        <translation>
            <numerusform>%n file</numerusform>
            <numerusform>%n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="608"/>
        <source>%n classified</source>
        <translation>
            <numerusform>%n classified</numerusform>
            <numerusform>%n classified</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="614"/>
        <source>%n with unreadable tags (not read again)</source>
        <translation>
            <numerusform>%n with unreadable tags (not read again)</numerusform>
            <numerusform>%n with unreadable tags (not read again)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="695"/>
        <source>{phase}: %n files</source>
        <translation>
            <numerusform>{phase}: %n file</numerusform>
            <numerusform>{phase}: %n files</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="828"/>
        <source>Accepted %n predictions at or above {threshold}</source>
        <translation>
            <numerusform>Accepted %n prediction at or above {threshold}</numerusform>
            <numerusform>Accepted %n predictions at or above {threshold}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="840"/>
        <source>Accepted the genre of %n tracks</source>
        <translation>
            <numerusform>Accepted the genre of %n track</numerusform>
            <numerusform>Accepted the genre of %n tracks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="851"/>
        <source>Genre of %n tracks: {genre}</source>
        <translation>
            <numerusform>Genre of %n track: {genre}</numerusform>
            <numerusform>Genre of %n tracks: {genre}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="901"/>
        <source>Genre for %n tracks:</source>
        <translation>
            <numerusform>Genre for %n track:</numerusform>
            <numerusform>Genre for %n tracks:</numerusform>
        </translation>
    </message>
</context>
</TS>
