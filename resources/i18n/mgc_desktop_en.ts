<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="32"/>
        <source>test tracks</source>
        <translation>test tracks</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="33"/>
        <source>accuracy</source>
        <translation>accuracy</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="34"/>
        <source>macro-F1</source>
        <translation>macro-F1</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="35"/>
        <source>mean per-genre recall</source>
        <translation>mean per-genre recall</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="36"/>
        <source>calibration error (ECE)</source>
        <translation>calibration error (ECE)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="37"/>
        <source>log loss</source>
        <translation>log loss</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="45"/>
        <source>Accuracy</source>
        <translation>Accuracy</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="46"/>
        <source>Test accuracy</source>
        <translation>Test accuracy</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="47"/>
        <source>Macro-F1</source>
        <translation>Macro-F1</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="48"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="49"/>
        <source>Trained</source>
        <translation>Trained</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="50"/>
        <source>Created</source>
        <translation>Created</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="51"/>
        <source>Data set</source>
        <translation>Data set</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="61"/>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="61"/>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="80"/>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="84"/>
        <source>none</source>
        <translation>none</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="93"/>
        <source>… and %n more (see the model&apos;s card file)</source>
        <translation>
            <numerusform>… and %n more (see the model&apos;s card file)</numerusform>
            <numerusform>… and %n more (see the model&apos;s card file)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="109"/>
        <source>{value} (95% CI {interval})</source>
        <translation>{value} (95% CI {interval})</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="112"/>
        <source>{name}: {value}</source>
        <translation>{name}: {value}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="116"/>
        <source>{genre} {recall}</source>
        <translation>{genre} {recall}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="122"/>
        <source>recall per genre: {recalls}</source>
        <translation>recall per genre: {recalls}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="130"/>
        <source>The model is loaded when the first scan starts.</source>
        <translation>The model is loaded when the first scan starts.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="136"/>
        <source>Model</source>
        <translation>Model</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="138"/>
        <source>{model} (version {version})</source>
        <translation>{model} (version {version})</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="143"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="146"/>
        <source>Measured on held-out music</source>
        <translation>Measured on held-out music</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="150"/>
        <source>Genres</source>
        <translation>Genres</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="152"/>
        <source>{rate} Hz, {bands} mel bands, {seconds} s windows</source>
        <translation>{rate} Hz, {bands} mel bands, {seconds} s windows</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="155"/>
        <source>Front end</source>
        <translation>Front end</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="158"/>
        <source>Reproduce with</source>
        <translation>Reproduce with</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="172"/>
        <source>About mgc-desktop</source>
        <translation>About mgc-desktop</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="174"/>
        <source>Classifies your music by genre on your own machine and writes genre tags, safely and reversibly.</source>
        <translation>Classifies your music by genre on your own machine and writes genre tags, safely and reversibly.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="177"/>
        <source>Qt for Python {version}</source>
        <translation>Qt for Python {version}</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="30"/>
        <source>{tip} ({keys})</source>
        <translation>{tip} ({keys})</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="55"/>
        <source>&amp;Open folder…</source>
        <translation>&amp;Open folder…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="55"/>
        <source>Choose the music folder</source>
        <translation>Choose the music folder</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="58"/>
        <source>&amp;Scan</source>
        <translation>&amp;Scan</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="61"/>
        <source>Scan the folder and classify new or changed files</source>
        <translation>Scan the folder and classify new or changed files</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="64"/>
        <source>S&amp;top</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="67"/>
        <source>Stop the scan or the tag write; everything finished so far is kept</source>
        <translation>Stop the scan or the tag write; everything finished so far is kept</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="70"/>
        <source>&amp;Retry failed files</source>
        <translation>&amp;Retry failed files</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="74"/>
        <source>Scan again, trying again the files that failed before (classifying them, or reading tags that hung the reader)</source>
        <translation>Scan again, trying again the files that failed before (classifying them, or reading tags that hung the reader)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="79"/>
        <source>&amp;Accept above</source>
        <translation>&amp;Accept above</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="82"/>
        <source>Accept every prediction at or above the threshold (the box beside it)</source>
        <translation>Accept every prediction at or above the threshold (the box beside it)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="85"/>
        <source>Set &amp;genre…</source>
        <translation>Set &amp;genre…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="88"/>
        <source>Set the genre of the selected tracks</source>
        <translation>Set the genre of the selected tracks</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="91"/>
        <source>&amp;Clear choice</source>
        <translation>&amp;Clear choice</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="94"/>
        <source>Forget overrides and acceptances of the selected tracks</source>
        <translation>Forget overrides and acceptances of the selected tracks</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="97"/>
        <source>&amp;Write tags…</source>
        <translation>&amp;Write tags…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="101"/>
        <source>Preview, then write the genre tags counted as &apos;to write&apos; in the status bar (accepted tracks and genres you set)</source>
        <translation>Preview, then write the genre tags counted as &apos;to write&apos; in the status bar (accepted tracks and genres you set)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="106"/>
        <source>&amp;Undo last batch</source>
        <translation>&amp;Undo last batch</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="109"/>
        <source>Restore the genres the last batch replaced</source>
        <translation>Restore the genres the last batch replaced</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="112"/>
        <source>&amp;History…</source>
        <translation>&amp;History…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="115"/>
        <source>All tag batches; undo any of them</source>
        <translation>All tag batches; undo any of them</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="118"/>
        <source>Se&amp;ttings…</source>
        <translation>Se&amp;ttings…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="121"/>
        <source>Policy, threshold, names, model</source>
        <translation>Policy, threshold, names, model</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="126"/>
        <source>&amp;About</source>
        <translation>&amp;About</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="126"/>
        <source>Version and the model card</source>
        <translation>Version and the model card</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="129"/>
        <source>&amp;Live</source>
        <translation>&amp;Live</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="132"/>
        <source>Classify what the microphone hears</source>
        <translation>Classify what the microphone hears</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="136"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="137"/>
        <source>Find</source>
        <translation>Find</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="141"/>
        <source>&amp;Next to review	N</source>
        <translation>&amp;Next to review	N</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="144"/>
        <source>Next uncertain track (N)</source>
        <translation>Next uncertain track (N)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="147"/>
        <source>&amp;Previous to review	Shift+N</source>
        <translation>&amp;Previous to review	Shift+N</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="150"/>
        <source>Previous uncertain track (Shift+N)</source>
        <translation>Previous uncertain track (Shift+N)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="153"/>
        <source>Accept &amp;this genre	Enter</source>
        <translation>Accept &amp;this genre	Enter</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="156"/>
        <source>Take the model&apos;s genre for the selected tracks and go on (Enter)</source>
        <translation>Take the model&apos;s genre for the selected tracks and go on (Enter)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="172"/>
        <source>≥ </source>
        <translation>≥ </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="176"/>
        <source>The threshold: predictions at or above it are certain (Accept takes them, a write writes them); below it they are uncertain. The same value as in Settings.</source>
        <translation>The threshold: predictions at or above it are certain (Accept takes them, a write writes them); below it they are uncertain. The same value as in Settings.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="184"/>
        <source>Main</source>
        <translation>Main</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="201"/>
        <source>&amp;File</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="206"/>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="214"/>
        <source>&amp;Review</source>
        <translation>&amp;Review</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="217"/>
        <source>Set genre &amp;to</source>
        <translation>Set genre &amp;to</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="219"/>
        <source>&amp;View</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="222"/>
        <source>&amp;Help</source>
        <translation>&amp;Help</translation>
    </message>
</context>
<context>
    <name>Albums</name>
    <message>
        <location filename="../../mgc_desktop/gui/library_tree.py" line="36"/>
        <source>Album / file</source>
        <translation>Album / file</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/library_tree.py" line="37"/>
        <source>Genre</source>
        <translation>Genre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/library_tree.py" line="38"/>
        <source>Confidence</source>
        <translation>Confidence</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/library_tree.py" line="39"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
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
    <message>
        <location filename="../../mgc_desktop/gui/library_tree.py" line="263"/>
        <source>Albums with their consensus genre; expand one to see its tracks</source>
        <translation>Albums with their consensus genre; expand one to see its tracks</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/level_meter.py" line="23"/>
        <source>Input level (dBFS)</source>
        <translation>Input level (dBFS)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/level_meter.py" line="55"/>
        <source>{level} dBFS</source>
        <translation>{level} dBFS</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/probability_bars.py" line="28"/>
        <source>Probability of each genre for this track</source>
        <translation>Probability of each genre for this track</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/probability_bars.py" line="49"/>
        <source>None of these</source>
        <translation>None of these</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/probability_bars.py" line="69"/>
        <source>no prediction</source>
        <translation>no prediction</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/spectrogram.py" line="50"/>
        <source>select a track</source>
        <translation>select a track</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/spectrogram.py" line="52"/>
        <source>Log-mel spectrogram of the excerpts the model listened to</source>
        <translation>Log-mel spectrogram of the excerpts the model listened to</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/spectrogram.py" line="68"/>
        <source>nothing analysed</source>
        <translation>nothing analysed</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/timeline.py" line="38"/>
        <source>Genre probabilities over time (newest on the right)</source>
        <translation>Genre probabilities over time (newest on the right)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/timeline.py" line="89"/>
        <source>not listening</source>
        <translation>not listening</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <location filename="../../mgc_desktop/gui/decision_keeper.py" line="84"/>
        <source>Could not save your decisions: {error}</source>
        <translation>Could not save your decisions: {error}</translation>
    </message>
</context>
<context>
    <name>Detail</name>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="45"/>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="45"/>
        <source>Now</source>
        <translation>Now</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="45"/>
        <source>After write</source>
        <translation>After write</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="105"/>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="225"/>
        <source>No track selected</source>
        <translation>No track selected</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="114"/>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="317"/>
        <source>Play</source>
        <translation>Play</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="115"/>
        <source>Listen to this track (Space)</source>
        <translation>Listen to this track (Space)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="137"/>
        <source>The file&apos;s tags now, and after the next write (changes in bold). Only the genre is ever written.</source>
        <translation>The file&apos;s tags now, and after the next write (changes in bold). Only the genre is ever written.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="152"/>
        <source>Genre probabilities</source>
        <translation>Genre probabilities</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="153"/>
        <source>What the model heard (log-mel)</source>
        <translation>What the model heard (log-mel)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="162"/>
        <source>Tags: now and after write</source>
        <translation>Tags: now and after write</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="228"/>
        <source>select a track</source>
        <translation>select a track</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="235"/>
        <source>failed: {error}</source>
        <translation>failed: {error}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="239"/>
        <source>{genre} (uncertain)</source>
        <translation>{genre} (uncertain)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="245"/>
        <source>your genre: {genre}</source>
        <translation>your genre: {genre}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="253"/>
        <source>analysing…</source>
        <translation>analysing…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="253"/>
        <source>not analysed</source>
        <translation>not analysed</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="295"/>
        <source>stored as {key}</source>
        <translation>stored as {key}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="317"/>
        <source>Stop</source>
        <translation>Stop</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="318"/>
        <source>decoding…</source>
        <translation>decoding…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="318"/>
        <source>playing</source>
        <translation>playing</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../mgc_desktop/gui/errors_panel.py" line="33"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/errors_panel.py" line="33"/>
        <source>Reason</source>
        <translation>Reason</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/errors_panel.py" line="40"/>
        <source>Files that failed, and why</source>
        <translation>Files that failed, and why</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../mgc_desktop/gui/i18n.py" line="84"/>
        <source>{value}%</source>
        <translation>{value}%</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/i18n.py" line="112"/>
        <source>{value} s</source>
        <translation>{value} s</translation>
    </message>
</context>
<context>
    <name>Genre</name>
    <message>
        <location filename="../../mgc_desktop/gui/genre_names.py" line="25"/>
        <source>Blues</source>
        <translation>Blues</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/genre_names.py" line="26"/>
        <source>Classical</source>
        <translation>Classical</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/genre_names.py" line="27"/>
        <source>Country</source>
        <translation>Country</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/genre_names.py" line="28"/>
        <source>Disco</source>
        <translation>Disco</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/genre_names.py" line="29"/>
        <source>Hip-Hop</source>
        <translation>Hip-Hop</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/genre_names.py" line="30"/>
        <source>Jazz</source>
        <translation>Jazz</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/genre_names.py" line="31"/>
        <source>Metal</source>
        <translation>Metal</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/genre_names.py" line="32"/>
        <source>Pop</source>
        <translation>Pop</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/genre_names.py" line="33"/>
        <source>Reggae</source>
        <translation>Reggae</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/genre_names.py" line="34"/>
        <source>Rock</source>
        <translation>Rock</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="28"/>
        <source>Batch</source>
        <translation>Batch</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="29"/>
        <source>When</source>
        <translation>When</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="30"/>
        <source>Kind</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="31"/>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="32"/>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="33"/>
        <source>Skipped</source>
        <translation>Skipped</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="34"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="35"/>
        <source>Still in effect</source>
        <translation>Still in effect</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="36"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="42"/>
        <source>tag</source>
        <translation>tag</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="42"/>
        <source>undo</source>
        <translation>undo</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="45"/>
        <source>{kind} of {batch}</source>
        <translation>{kind} of {batch}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="55"/>
        <source>History of tag batches</source>
        <translation>History of tag batches</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="70"/>
        <source>&amp;Undo this batch</source>
        <translation>&amp;Undo this batch</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="71"/>
        <source>Restore the genres this batch replaced</source>
        <translation>Restore the genres this batch replaced</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../mgc_desktop/gui/language.py" line="36"/>
        <source>System language</source>
        <translation>System language</translation>
    </message>
</context>
<context>
    <name>Learn</name>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="32"/>
        <source>Genre</source>
        <translation>Genre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="33"/>
        <source>Tracks</source>
        <translation>Tracks</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="34"/>
        <source>Cross-validated accuracy</source>
        <translation>Cross-validated accuracy</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="35"/>
        <source>95% interval</source>
        <translation>95% interval</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="36"/>
        <source>Trust</source>
        <translation>Trust</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="37"/>
        <source>Spellings in your tags</source>
        <translation>Spellings in your tags</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="42"/>
        <source>{low}-{high}</source>
        <translation>{low}-{high}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="53"/>
        <source>Learn my genres</source>
        <translation>Learn my genres</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="57"/>
        <source>Learns the genre names your tagged tracks already carry, so that the app answers in your words. Tags are only read; nothing is written. Genres with fewer than %n tagged tracks are left out. A track unlike all of your genres is “none of these” and never written. Forget deletes what was learned.</source>
        <translation>
            <numerusform>Learns the genre names your tagged tracks already carry, so that the app answers in your words. Tags are only read; nothing is written. Genres with fewer than %n tagged track are left out. A track unlike all of your genres is “none of these” and never written. Forget deletes what was learned.</numerusform>
            <numerusform>Learns the genre names your tagged tracks already carry, so that the app answers in your words. Tags are only read; nothing is written. Genres with fewer than %n tagged tracks are left out. A track unlike all of your genres is “none of these” and never written. Forget deletes what was learned.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="84"/>
        <source>&amp;Learn</source>
        <translation>&amp;Learn</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="86"/>
        <source>Learn from the genre tags of the tracks in this folder</source>
        <translation>Learn from the genre tags of the tracks in this folder</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="89"/>
        <source>&amp;Forget</source>
        <translation>&amp;Forget</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="91"/>
        <source>Delete the learned genres (back to the built-in ones)</source>
        <translation>Delete the learned genres (back to the built-in ones)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="111"/>
        <source>From: {folder}</source>
        <translation>From: {folder}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="113"/>
        <source>Choose a music folder first</source>
        <translation>Choose a music folder first</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="118"/>
        <source>Learning from your tags…</source>
        <translation>Learning from your tags…</translation>
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
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="155"/>
        <source>The table now shows your genres.</source>
        <translation>The table now shows your genres.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="161"/>
        <source>{spelling} ×{count}</source>
        <translation>{spelling} ×{count}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="171"/>
        <source>too few tracks to trust</source>
        <translation>too few tracks to trust</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="183"/>
        <source>Fewer than %n tagged tracks: the estimate may be far off. Tag more tracks of this genre.</source>
        <translation>
            <numerusform>Fewer than %n tagged track: the estimate may be far off. Tag more tracks of this genre.</numerusform>
            <numerusform>Fewer than %n tagged tracks: the estimate may be far off. Tag more tracks of this genre.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="193"/>
        <source>Left out: {genres}</source>
        <translation>Left out: {genres}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="194"/>
        <source>; </source>
        <translation>; </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="195"/>
        <source>{genre} ({reason})</source>
        <translation>{genre} ({reason})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="210"/>
        <source>None of these: compared with %n untagged tracks.</source>
        <translation>
            <numerusform>None of these: compared with %n untagged track.</numerusform>
            <numerusform>None of these: compared with %n untagged tracks.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="215"/>
        <source>None of these: calibrated on held-out genres (few untagged tracks).</source>
        <translation>None of these: calibrated on held-out genres (few untagged tracks).</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="221"/>
        <source>Each genre held out in turn came out none of these or uncertain for {share} of its tracks ({interval}).</source>
        <translation>Each genre held out in turn came out none of these or uncertain for {share} of its tracks ({interval}).</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="228"/>
        <source>No threshold reaches {precision} cross-validated precision: nothing is written automatically unless you set a threshold.</source>
        <translation>No threshold reaches {precision} cross-validated precision: nothing is written automatically unless you set a threshold.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="235"/>
        <source>Written from confidence {confidence} on (cross-validated precision {precision}, target {target}).</source>
        <translation>Written from confidence {confidence} on (cross-validated precision {precision}, target {target}).</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="247"/>
        <source>Nothing learned: {message}</source>
        <translation>Nothing learned: {message}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="256"/>
        <source>Forgot the learned genres: the table shows the built-in genres again.</source>
        <translation>Forgot the learned genres: the table shows the built-in genres again.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="258"/>
        <source>There were no learned genres to forget.</source>
        <translation>There were no learned genres to forget.</translation>
    </message>
</context>
<context>
    <name>Live</name>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="36"/>
        <source>warming up</source>
        <translation>warming up</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="37"/>
        <source>music</source>
        <translation>music</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="38"/>
        <source>silent</source>
        <translation>silent</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="45"/>
        <source>listening…</source>
        <translation>listening…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="46"/>
        <source>no music heard</source>
        <translation>no music heard</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="101"/>
        <source>Input device to listen to</source>
        <translation>Input device to listen to</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="102"/>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="158"/>
        <source>Default input</source>
        <translation>Default input</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="103"/>
        <source>Refresh</source>
        <translation>Refresh</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="104"/>
        <source>Look for input devices again</source>
        <translation>Look for input devices again</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="106"/>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="240"/>
        <source>Start listening</source>
        <translation>Start listening</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="108"/>
        <source>Classify what the microphone hears (Ctrl+L shows/hides)</source>
        <translation>Classify what the microphone hears (Ctrl+L shows/hides)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="112"/>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="241"/>
        <source>Not listening</source>
        <translation>Not listening</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="123"/>
        <source>Input:</source>
        <translation>Input:</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="132"/>
        <source>Over time</source>
        <translation>Over time</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="161"/>
        <source>{device} (default)</source>
        <translation>{device} (default)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="168"/>
        <source>No audio input device found (is a microphone connected?)</source>
        <translation>No audio input device found (is a microphone connected?)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="203"/>
        <source>Opening the input…</source>
        <translation>Opening the input…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="215"/>
        <source>Stop listening</source>
        <translation>Stop listening</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="217"/>
        <source>Listening…</source>
        <translation>Listening…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="235"/>
        <source>Stopped: waiting for the input to finish opening…</source>
        <translation>Stopped: waiting for the input to finish opening…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="252"/>
        <source>{genre}  {confidence}</source>
        <translation>{genre}  {confidence}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="256"/>
        <source>{genre} (unsure)</source>
        <translation>{genre} (unsure)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="266"/>
        <source>{state} · latency {ms} ms</source>
        <translation>{state} · latency {ms} ms</translation>
    </message>
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
    <name>MyGenres</name>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="43"/>
        <source>Similar tracks</source>
        <translation>Similar tracks</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="45"/>
        <source>&amp;Learn my genres…</source>
        <translation>&amp;Learn my genres…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="47"/>
        <source>Learn your own genre names from the tags in this folder</source>
        <translation>Learn your own genre names from the tags in this folder</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="50"/>
        <source>Answer in &amp;my genres</source>
        <translation>Answer in &amp;my genres</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="55"/>
        <source>Show predictions in the genres learned from your tags (off: the built-in genres)</source>
        <translation>Show predictions in the genres learned from your tags (off: the built-in genres)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="105"/>
        <source>Showing your genres</source>
        <translation>Showing your genres</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="107"/>
        <source>Showing the built-in genres</source>
        <translation>Showing the built-in genres</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="114"/>
        <source>Cannot show your genres: {message}</source>
        <translation>Cannot show your genres: {message}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="134"/>
        <source>choose and scan a music folder first</source>
        <translation>choose and scan a music folder first</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="173"/>
        <source>select a track</source>
        <translation>select a track</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="41"/>
        <source>write only where the file has no genre yet</source>
        <translation>write only where the file has no genre yet</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="42"/>
        <source>replace the file&apos;s genre</source>
        <translation>replace the file&apos;s genre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="43"/>
        <source>add to the genres the file has</source>
        <translation>add to the genres the file has</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="48"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="48"/>
        <source>Old</source>
        <translation>Old</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="48"/>
        <source>New</source>
        <translation>New</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="48"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="75"/>
        <source>Preview: write genre tags</source>
        <translation>Preview: write genre tags</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="80"/>
        <source>Plans the %n tracks you accepted or gave a genre, whatever is selected; the files it writes are the status bar&apos;s “to write”. No other file is touched.</source>
        <translation>
            <numerusform>Plans the %n track you accepted or gave a genre, whatever is selected; the files it writes are the status bar&apos;s “to write”. No other file is touched.</numerusform>
            <numerusform>Plans the %n tracks you accepted or gave a genre, whatever is selected; the files it writes are the status bar&apos;s “to write”. No other file is touched.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="100"/>
        <source>What to do with a genre a file already has</source>
        <translation>What to do with a genre a file already has</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="108"/>
        <source>Predictions below this confidence are left alone (manual genres always count)</source>
        <translation>Predictions below this confidence are left alone (manual genres always count)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="119"/>
        <source>&amp;Policy</source>
        <translation>&amp;Policy</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="120"/>
        <source>&amp;Threshold</source>
        <translation>&amp;Threshold</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="121"/>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="174"/>
        <source>planning…</source>
        <translation>planning…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="141"/>
        <source>&amp;Write</source>
        <translation>&amp;Write</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="199"/>
        <source>planning… {done} / {total}</source>
        <translation>planning… {done} / {total}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="216"/>
        <source>, </source>
        <translation>, </translation>
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
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="232"/>
        <source>(none)</source>
        <translation>(none)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="233"/>
        <source>(unchanged)</source>
        <translation>(unchanged)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="243"/>
        <source>&amp;Write %n files</source>
        <translation>
            <numerusform>&amp;Write %n file</numerusform>
            <numerusform>&amp;Write %n files</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="248"/>
        <source>cannot plan: {message}</source>
        <translation>cannot plan: {message}</translation>
    </message>
</context>
<context>
    <name>Review</name>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="116"/>
        <source>{genre} {confidence}</source>
        <translation>{genre} {confidence}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="125"/>
        <source>unchanged</source>
        <translation>unchanged</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="126"/>
        <source>nothing to write</source>
        <translation>nothing to write</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="127"/>
        <source>already has these genres</source>
        <translation>already has these genres</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="133"/>
        <source>already has a genre ({genres})</source>
        <translation>already has a genre ({genres})</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="268"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="283"/>
        <source>your genre</source>
        <translation>your genre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="285"/>
        <source>no genre</source>
        <translation>no genre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="290"/>
        <source>{prediction}, uncertain</source>
        <translation>{prediction}, uncertain</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="292"/>
        <source>{prediction}, below {threshold}</source>
        <translation>{prediction}, below {threshold}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="301"/>
        <source>{what}: left alone</source>
        <translation>{what}: left alone</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="302"/>
        <source>{what}: {reason}</source>
        <translation>{what}: {reason}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="57"/>
        <source>Settings</source>
        <translation>Settings</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="67"/>
        <source>fill: only files without a genre; replace: overwrite; append: add to existing genres</source>
        <translation>fill: only files without a genre; replace: overwrite; append: add to existing genres</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="75"/>
        <source>Write up to this many genres, each at least the threshold</source>
        <translation>Write up to this many genres, each at least the threshold</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="86"/>
        <source>A predicted genre is written only when its confidence is at least this; below it the file&apos;s genre is left untouched (genres you set yourself always count). Default: that of the genres shown, the model&apos;s own or your learned genres&apos; ({default})</source>
        <translation>A predicted genre is written only when its confidence is at least this; below it the file&apos;s genre is left untouched (genres you set yourself always count). Default: that of the genres shown, the model&apos;s own or your learned genres&apos; ({default})</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="93"/>
        <source>Default</source>
        <translation>Default</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="95"/>
        <source>Use the threshold of the genres shown (follows the model)</source>
        <translation>Use the threshold of the genres shown (follows the model)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="104"/>
        <source>automatic</source>
        <translation>automatic</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="107"/>
        <source>Classifier processes (automatic: one per core, at most four)</source>
        <translation>Classifier processes (automatic: one per core, at most four)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="109"/>
        <source>Keep files&apos; modification times</source>
        <translation>Keep files&apos; modification times</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="112"/>
        <source>the shipped model</source>
        <translation>the shipped model</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="114"/>
        <source>Another mgc-desktop ONNX genre model; it is checked first</source>
        <translation>Another mgc-desktop ONNX genre model; it is checked first</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="116"/>
        <source>Browse…</source>
        <translation>Browse…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="118"/>
        <source>Shipped model</source>
        <translation>Shipped model</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="130"/>
        <source>Model class</source>
        <translation>Model class</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="130"/>
        <source>Name written into tags</source>
        <translation>Name written into tags</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="135"/>
        <source>The name each genre is written as; blank: back to the default</source>
        <translation>The name each genre is written as; blank: back to the default</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="143"/>
        <source>default: {name}</source>
        <translation>default: {name}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="152"/>
        <source>The language of the window (System: the system&apos;s). Genre tags are written as the genre names below say, whatever the language.</source>
        <translation>The language of the window (System: the system&apos;s). Genre tags are written as the genre names below say, whatever the language.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="157"/>
        <source>A new language takes effect the next time the app starts.</source>
        <translation>A new language takes effect the next time the app starts.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="162"/>
        <source>&amp;Policy</source>
        <translation>&amp;Policy</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="163"/>
        <source>&amp;Top-k genres</source>
        <translation>&amp;Top-k genres</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="164"/>
        <source>T&amp;hreshold</source>
        <translation>T&amp;hreshold</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="167"/>
        <source>&amp;Workers</source>
        <translation>&amp;Workers</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="170"/>
        <source>&amp;Model file</source>
        <translation>&amp;Model file</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="174"/>
        <source>&amp;Language</source>
        <translation>&amp;Language</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="186"/>
        <source>Genre display names</source>
        <translation>Genre display names</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="195"/>
        <source>Choose a genre model</source>
        <translation>Choose a genre model</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="197"/>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>ONNX models (*.onnx);;All files (*)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="238"/>
        <source>Checking the model…</source>
        <translation>Checking the model…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="245"/>
        <source>Model {model} {version}: OK</source>
        <translation>Model {model} {version}: OK</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="254"/>
        <source>This model cannot be used: {message}</source>
        <translation>This model cannot be used: {message}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="258"/>
        <source>Invalid model file</source>
        <translation>Invalid model file</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="259"/>
        <source>This model cannot be used:

{message}</source>
        <translation>This model cannot be used:

{message}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/settings.py" line="36"/>
        <source>fill</source>
        <translation>fill</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/settings.py" line="37"/>
        <source>replace</source>
        <translation>replace</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/settings.py" line="38"/>
        <source>append</source>
        <translation>append</translation>
    </message>
</context>
<context>
    <name>Similar</name>
    <message>
        <location filename="../../mgc_desktop/gui/similar_panel.py" line="28"/>
        <source>Similarity</source>
        <translation>Similarity</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/similar_panel.py" line="28"/>
        <source>Track</source>
        <translation>Track</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/similar_panel.py" line="40"/>
        <source>select a track</source>
        <translation>select a track</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/similar_panel.py" line="51"/>
        <source>Double-click a track to select it in the library</source>
        <translation>Double-click a track to select it in the library</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/similar_panel.py" line="63"/>
        <source>looking for similar tracks…</source>
        <translation>looking for similar tracks…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/similar_panel.py" line="71"/>
        <source>%n most similar indexed tracks</source>
        <translation>
            <numerusform>The most similar indexed track</numerusform>
            <numerusform>%n most similar indexed tracks</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/similar_panel.py" line="73"/>
        <source>no other track yet</source>
        <translation>no other track yet</translation>
    </message>
</context>
<context>
    <name>Table</name>
    <message>
        <location filename="../../mgc_desktop/gui/genre_delegate.py" line="38"/>
        <source>Type or pick the genre to write for this track (empty: back to the prediction)</source>
        <translation>Type or pick the genre to write for this track (empty: back to the prediction)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="76"/>
        <source>File</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="77"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="78"/>
        <source>Artist</source>
        <translation>Artist</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="79"/>
        <source>Album</source>
        <translation>Album</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="80"/>
        <source>Current</source>
        <translation>Current</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="81"/>
        <source>Predicted</source>
        <translation>Predicted</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="82"/>
        <source>Conf.</source>
        <translation>Conf.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="83"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="90"/>
        <source>All</source>
        <translation>All</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="91"/>
        <source>Classified</source>
        <translation>Classified</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="92"/>
        <source>Uncertain</source>
        <translation>Uncertain</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="93"/>
        <source>Failed</source>
        <translation>Failed</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="94"/>
        <source>Queued</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="95"/>
        <source>To write</source>
        <translation>To write</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="96"/>
        <source>Written</source>
        <translation>Written</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="103"/>
        <source>queued</source>
        <translation>queued</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="104"/>
        <source>classified</source>
        <translation>classified</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="105"/>
        <source>uncertain</source>
        <translation>uncertain</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="106"/>
        <source>silent</source>
        <translation>silent</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="107"/>
        <source>failed</source>
        <translation>failed</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="108"/>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="109"/>
        <source>override</source>
        <translation>override</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="110"/>
        <source>written</source>
        <translation>written</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="361"/>
        <source>Double-click (or F2) to set this track&apos;s genre by hand; keys 1-9 and 0 pick one</source>
        <translation>Double-click (or F2) to set this track&apos;s genre by hand; keys 1-9 and 0 pick one</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="365"/>
        <source>Model: {genre}. {how}</source>
        <translation>Model: {genre}. {how}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="389"/>
        <source>File name (hover a cell for the full path)</source>
        <translation>File name (hover a cell for the full path)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="390"/>
        <source>Title tag</source>
        <translation>Title tag</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="391"/>
        <source>Artist tag</source>
        <translation>Artist tag</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="392"/>
        <source>Album tag</source>
        <translation>Album tag</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="393"/>
        <source>Current genre: the genre stored in the file now</source>
        <translation>Current genre: the genre stored in the file now</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="395"/>
        <source>Predicted genre: the model&apos;s, or yours in bold (double-click, or keys 1-9 and 0)</source>
        <translation>Predicted genre: the model&apos;s, or yours in bold (double-click, or keys 1-9 and 0)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="398"/>
        <source>Confidence: how sure the model is; uncertain ones (below the threshold) in amber, never written alone</source>
        <translation>Confidence: how sure the model is; uncertain ones (below the threshold) in amber, never written alone</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="401"/>
        <source>queued, classified, uncertain, silent, failed, accepted, override or written</source>
        <translation>queued, classified, uncertain, silent, failed, accepted, override or written</translation>
    </message>
</context>
<context>
    <name>TagFlowText</name>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="31"/>
        <source>Nothing to undo.</source>
        <translation>Nothing to undo.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="34"/>
        <source>There is no batch {batch}.</source>
        <translation>There is no batch {batch}.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="98"/>
        <source>Nothing to write</source>
        <translation>Nothing to write</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="100"/>
        <source>No track is marked to write yet. Accept predictions (Accept above, or Enter on a track) or set genres by hand (double-click the genre, or keys 1-9 and 0) first.</source>
        <translation>No track is marked to write yet. Accept predictions (Accept above, or Enter on a track) or set genres by hand (double-click the genre, or keys 1-9 and 0) first.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="154"/>
        <source>Writing tags…</source>
        <translation>Writing tags…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="189"/>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="281"/>
        <source>Cannot read the history</source>
        <translation>Cannot read the history</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="196"/>
        <source>Undo batch {batch} ({kind}, {when})?</source>
        <translation>Undo batch {batch} ({kind}, {when})?</translation>
    </message>
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
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="215"/>
        <source>Undo last batch</source>
        <translation>Undo last batch</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="221"/>
        <source>&amp;Undo %n files</source>
        <translation>
            <numerusform>&amp;Undo %n file</numerusform>
            <numerusform>&amp;Undo %n files</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="236"/>
        <source>Undoing…</source>
        <translation>Undoing…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="249"/>
        <source>Nothing to undo</source>
        <translation>Nothing to undo</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="299"/>
        <source>Tags were not written</source>
        <translation>Tags were not written</translation>
    </message>
</context>
<context>
    <name>TagName</name>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="52"/>
        <source>Album</source>
        <translation>Album</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="53"/>
        <source>Album artist</source>
        <translation>Album artist</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="54"/>
        <source>Album artist sort order</source>
        <translation>Album artist sort order</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="55"/>
        <source>Album sort order</source>
        <translation>Album sort order</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="56"/>
        <source>Artist</source>
        <translation>Artist</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="57"/>
        <source>Artist sort order</source>
        <translation>Artist sort order</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="58"/>
        <source>Artist website</source>
        <translation>Artist website</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="59"/>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="60"/>
        <source>Comment</source>
        <translation>Comment</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="61"/>
        <source>Compilation</source>
        <translation>Compilation</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="62"/>
        <source>Composer</source>
        <translation>Composer</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="63"/>
        <source>Conductor</source>
        <translation>Conductor</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="64"/>
        <source>Copyright</source>
        <translation>Copyright</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="65"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="66"/>
        <source>Disc</source>
        <translation>Disc</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="67"/>
        <source>Encoded by</source>
        <translation>Encoded by</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="68"/>
        <source>Encoder</source>
        <translation>Encoder</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="69"/>
        <source>Genre</source>
        <translation>Genre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="70"/>
        <source>Grouping</source>
        <translation>Grouping</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="71"/>
        <source>ISRC</source>
        <translation>ISRC</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="72"/>
        <source>Key</source>
        <translation>Key</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="73"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="74"/>
        <source>Language</source>
        <translation>Language</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="75"/>
        <source>Length (ms)</source>
        <translation>Length (ms)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="76"/>
        <source>Lyricist</source>
        <translation>Lyricist</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="77"/>
        <source>Lyrics</source>
        <translation>Lyrics</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="78"/>
        <source>Media</source>
        <translation>Media</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="79"/>
        <source>Mood</source>
        <translation>Mood</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="80"/>
        <source>Original album</source>
        <translation>Original album</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="81"/>
        <source>Original artist</source>
        <translation>Original artist</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="82"/>
        <source>Original date</source>
        <translation>Original date</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="83"/>
        <source>Owner</source>
        <translation>Owner</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="84"/>
        <source>Performer</source>
        <translation>Performer</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="85"/>
        <source>Release date</source>
        <translation>Release date</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="86"/>
        <source>Remixer</source>
        <translation>Remixer</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="87"/>
        <source>Subtitle</source>
        <translation>Subtitle</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="88"/>
        <source>Tagging date</source>
        <translation>Tagging date</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="89"/>
        <source>Title</source>
        <translation>Title</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="90"/>
        <source>Track</source>
        <translation>Track</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="199"/>
        <source>The music folder (drop a folder on the window to change)</source>
        <translation>The music folder (drop a folder on the window to change)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="203"/>
        <source>Search file, title, artist, album, genre…  (Ctrl+F)</source>
        <translation>Search file, title, artist, album, genre…  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="206"/>
        <source>Show only tracks whose names or tags contain this text</source>
        <translation>Show only tracks whose names or tags contain this text</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="215"/>
        <source>Show only tracks in this state</source>
        <translation>Show only tracks in this state</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="225"/>
        <source>Tracks</source>
        <translation>Tracks</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="226"/>
        <source>Albums</source>
        <translation>Albums</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="227"/>
        <source>Every track, flat: sort and filter</source>
        <translation>Every track, flat: sort and filter</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="229"/>
        <source>Albums (or folders) with their consensus genre</source>
        <translation>Albums (or folders) with their consensus genre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="258"/>
        <location filename="../../mgc_desktop/gui/main_window.py" line="261"/>
        <source>Errors</source>
        <translation>Errors</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="261"/>
        <source>Errors (%n)</source>
        <translation>
            <numerusform>Errors (%n)</numerusform>
            <numerusform>Errors (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="264"/>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="386"/>
        <source>No folder chosen: Open or drop one here</source>
        <translation>No folder chosen: Open or drop one here</translation>
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
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="453"/>
        <location filename="../../mgc_desktop/gui/main_window.py" line="623"/>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="455"/>
        <source>%n files will change when you write ({policy} policy, threshold {threshold}).</source>
        <translation>
            <numerusform>%n file will change when you write ({policy} policy, threshold {threshold}).</numerusform>
            <numerusform>%n files will change when you write ({policy} policy, threshold {threshold}).</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="462"/>
        <source>{change} {decided}</source>
        <translation>{change} {decided}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="463"/>
        <source>%n tracks decided.</source>
        <translation>
            <numerusform>%n track decided.</numerusform>
            <numerusform>%n tracks decided.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="510"/>
        <source>Choose your music folder</source>
        <translation>Choose your music folder</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="556"/>
        <source>Folder not found</source>
        <translation>Folder not found</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="557"/>
        <source>The folder {folder} does not exist (any more).</source>
        <translation>The folder {folder} does not exist (any more).</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="573"/>
        <source>Scanning…</source>
        <translation>Scanning…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="582"/>
        <source>Stopping after the file in progress…</source>
        <translation>Stopping after the file in progress…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="587"/>
        <source>Stopping: finishing the files in progress…</source>
        <translation>Stopping: finishing the files in progress…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="594"/>
        <source>Cannot scan</source>
        <translation>Cannot scan</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="602"/>
        <source>Scan failed</source>
        <translation>Scan failed</translation>
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
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="618"/>
        <source>Scan stopped after {time}: {counts}</source>
        <translation>Scan stopped after {time}: {counts}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="620"/>
        <source>Scan finished in {time}: {counts}</source>
        <translation>Scan finished in {time}: {counts}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="673"/>
        <source>Looking for music</source>
        <translation>Looking for music</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="674"/>
        <source>Reading tags</source>
        <translation>Reading tags</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="675"/>
        <source>Classifying</source>
        <translation>Classifying</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="676"/>
        <source>Finishing</source>
        <translation>Finishing</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="682"/>
        <location filename="../../mgc_desktop/gui/main_window.py" line="970"/>
        <source>{done} / {total}</source>
        <translation>{done} / {total}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="686"/>
        <source>{phase}: {rate} files/s, about {eta} left</source>
        <translation>{phase}: {rate} files/s, about {eta} left</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="690"/>
        <source>{phase}: {rate} files/s</source>
        <translation>{phase}: {rate} files/s</translation>
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
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="877"/>
        <source>No more uncertain tracks below</source>
        <translation>No more uncertain tracks below</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="879"/>
        <source>No more uncertain tracks above</source>
        <translation>No more uncertain tracks above</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="900"/>
        <source>Set genre</source>
        <translation>Set genre</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="901"/>
        <source>Genre for %n tracks:</source>
        <translation>
            <numerusform>Genre for %n track:</numerusform>
            <numerusform>Genre for %n tracks:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="1013"/>
        <source>The new language takes effect the next time the app starts.</source>
        <translation>The new language takes effect the next time the app starts.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="1039"/>
        <source>Model: {message}</source>
        <translation>Model: {message}</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <location filename="../../mgc_desktop/gui/workers.py" line="452"/>
        <source>no audio output device (no sound card or sound server was found)</source>
        <translation>no audio output device (no sound card or sound server was found)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/workers.py" line="481"/>
        <source>cannot play {file}: {reason}</source>
        <translation>cannot play {file}: {reason}</translation>
    </message>
</context>
</TS>
