<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>About</name>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="32"/>
        <source>test tracks</source>
        <translation>morceaux de test</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="33"/>
        <source>accuracy</source>
        <translation>exactitude</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="34"/>
        <source>macro-F1</source>
        <translation>F1 macro</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="35"/>
        <source>mean per-genre recall</source>
        <translation>rappel moyen par genre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="36"/>
        <source>calibration error (ECE)</source>
        <translation>erreur de calibration (ECE)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="37"/>
        <source>log loss</source>
        <translation>perte logarithmique</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="45"/>
        <source>Accuracy</source>
        <translation>Exactitude</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="46"/>
        <source>Test accuracy</source>
        <translation>Exactitude en test</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="47"/>
        <source>Macro-F1</source>
        <translation>F1 macro</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="48"/>
        <source>Date</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="49"/>
        <source>Trained</source>
        <translation>Entraîné le</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="50"/>
        <source>Created</source>
        <translation>Créé le</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="51"/>
        <source>Data set</source>
        <translation>Jeu de données</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="61"/>
        <source>yes</source>
        <translation>oui</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="61"/>
        <source>no</source>
        <translation>non</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="80"/>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="84"/>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="93"/>
        <source>… and %n more (see the model&apos;s card file)</source>
        <translation>
            <numerusform>… et encore %n (voir la fiche du modèle)</numerusform>
            <numerusform>… et encore %n (voir la fiche du modèle)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="109"/>
        <source>{value} (95% CI {interval})</source>
        <translation>{value} (IC à 95&#x202f;% {interval})</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="112"/>
        <source>{name}: {value}</source>
        <translation>{name}&#xa0;: {value}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="116"/>
        <source>{genre} {recall}</source>
        <translation>{genre} {recall}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="122"/>
        <source>recall per genre: {recalls}</source>
        <translation>rappel par genre&#xa0;: {recalls}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="130"/>
        <source>The model is loaded when the first scan starts.</source>
        <translation>Le modèle est chargé au début de la première analyse.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="136"/>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="138"/>
        <source>{model} (version {version})</source>
        <translation>{model} (version {version})</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="143"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="146"/>
        <source>Measured on held-out music</source>
        <translation>Mesuré sur de la musique jamais vue à l’entraînement</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="150"/>
        <source>Genres</source>
        <translation>Genres</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="152"/>
        <source>{rate} Hz, {bands} mel bands, {seconds} s windows</source>
        <translation>{rate}&#xa0;Hz, {bands} bandes mel, fenêtres de {seconds}&#xa0;s</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="155"/>
        <source>Front end</source>
        <translation>Prétraitement</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="158"/>
        <source>Reproduce with</source>
        <translation>Pour le reproduire</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="172"/>
        <source>About mgc-desktop</source>
        <translation>À propos de mgc-desktop</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="174"/>
        <source>Classifies your music by genre on your own machine and writes genre tags, safely and reversibly.</source>
        <translation>Classe votre musique par genre sur votre propre machine et écrit les étiquettes de genre, en toute sécurité et de façon réversible.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/about.py" line="177"/>
        <source>Qt for Python {version}</source>
        <translation>Qt pour Python {version}</translation>
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
        <translation>&amp;Ouvrir un dossier…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="55"/>
        <source>Choose the music folder</source>
        <translation>Choisir le dossier de musique</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="58"/>
        <source>&amp;Scan</source>
        <translation>&amp;Analyser</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="61"/>
        <source>Scan the folder and classify new or changed files</source>
        <translation>Analyser le dossier et classer les fichiers nouveaux ou modifiés</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="64"/>
        <source>S&amp;top</source>
        <translation>Arrê&amp;ter</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="67"/>
        <source>Stop the scan or the tag write; everything finished so far is kept</source>
        <translation>Arrêter l’analyse ou l’écriture des étiquettes&#xa0;; tout ce qui est déjà fait est conservé</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="70"/>
        <source>&amp;Retry failed files</source>
        <translation>&amp;Réessayer les fichiers en échec</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="74"/>
        <source>Scan again, trying again the files that failed before (classifying them, or reading tags that hung the reader)</source>
        <translation>Analyser de nouveau, en réessayant les fichiers en échec (leur classement, ou la lecture d’étiquettes qui avait bloqué le lecteur)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="79"/>
        <source>&amp;Accept above</source>
        <translation>&amp;Accepter au-dessus</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="82"/>
        <source>Accept every prediction at or above the threshold (the box beside it)</source>
        <translation>Accepter chaque prédiction égale ou supérieure au seuil (la case à côté)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="85"/>
        <source>Set &amp;genre…</source>
        <translation>Choisir le &amp;genre…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="88"/>
        <source>Set the genre of the selected tracks</source>
        <translation>Choisir le genre des morceaux sélectionnés</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="91"/>
        <source>&amp;Clear choice</source>
        <translation>&amp;Effacer le choix</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="94"/>
        <source>Forget overrides and acceptances of the selected tracks</source>
        <translation>Oublier les genres choisis et les acceptations des morceaux sélectionnés</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="97"/>
        <source>&amp;Write tags…</source>
        <translation>É&amp;crire les étiquettes…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="101"/>
        <source>Preview, then write the genre tags counted as &apos;to write&apos; in the status bar (accepted tracks and genres you set)</source>
        <translation>Prévisualiser, puis écrire les étiquettes de genre comptées «&#xa0;à écrire&#xa0;» dans la barre d’état (morceaux acceptés et genres choisis par vous)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="106"/>
        <source>&amp;Undo last batch</source>
        <translation>Annuler le &amp;dernier lot</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="109"/>
        <source>Restore the genres the last batch replaced</source>
        <translation>Rétablir les genres que le dernier lot a remplacés</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="112"/>
        <source>&amp;History…</source>
        <translation>&amp;Historique…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="115"/>
        <source>All tag batches; undo any of them</source>
        <translation>Tous les lots d’étiquettes&#xa0;; annulez celui que vous voulez</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="118"/>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Paramètres…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="121"/>
        <source>Policy, threshold, names, model</source>
        <translation>Règle, seuil, noms, modèle</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="126"/>
        <source>&amp;About</source>
        <translation>À &amp;propos</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="126"/>
        <source>Version and the model card</source>
        <translation>Version et fiche du modèle</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="129"/>
        <source>&amp;Live</source>
        <translation>En &amp;direct</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="132"/>
        <source>Classify what the microphone hears</source>
        <translation>Classer ce qu’entend le micro</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="136"/>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="137"/>
        <source>Find</source>
        <translation>Rechercher</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="141"/>
        <source>&amp;Next to review	N</source>
        <translation>Morceau &amp;suivant à revoir	N</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="144"/>
        <source>Next uncertain track (N)</source>
        <translation>Morceau incertain suivant (N)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="147"/>
        <source>&amp;Previous to review	Shift+N</source>
        <translation>Morceau &amp;précédent à revoir	Maj+N</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="150"/>
        <source>Previous uncertain track (Shift+N)</source>
        <translation>Morceau incertain précédent (Maj+N)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="153"/>
        <source>Accept &amp;this genre	Enter</source>
        <translation>Accepter &amp;ce genre	Entrée</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="156"/>
        <source>Take the model&apos;s genre for the selected tracks and go on (Enter)</source>
        <translation>Retenir le genre du modèle pour les morceaux sélectionnés et continuer (Entrée)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="172"/>
        <source>≥ </source>
        <translation>≥ </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="176"/>
        <source>The threshold: predictions at or above it are certain (Accept takes them, a write writes them); below it they are uncertain. The same value as in Settings.</source>
        <translation>Le seuil&#xa0;: les prédictions qui l’atteignent sont sûres (Accepter les retient, une écriture les écrit)&#x202f;; en dessous, elles sont incertaines. La même valeur que dans les paramètres.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="184"/>
        <source>Main</source>
        <translation>Barre principale</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="201"/>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="206"/>
        <source>&amp;Edit</source>
        <translation>É&amp;dition</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="214"/>
        <source>&amp;Review</source>
        <translation>&amp;Révision</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="217"/>
        <source>Set genre &amp;to</source>
        <translation>Attri&amp;buer le genre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="219"/>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/window_actions.py" line="222"/>
        <source>&amp;Help</source>
        <translation>Aid&amp;e</translation>
    </message>
</context>
<context>
    <name>Albums</name>
    <message>
        <location filename="../../mgc_desktop/gui/library_tree.py" line="36"/>
        <source>Album / file</source>
        <translation>Album / fichier</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/library_tree.py" line="37"/>
        <source>Genre</source>
        <translation>Genre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/library_tree.py" line="38"/>
        <source>Confidence</source>
        <translation>Confiance</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/library_tree.py" line="39"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/library_tree.py" line="63"/>
        <source>%n tracks.</source>
        <translation>
            <numerusform>%n morceau.</numerusform>
            <numerusform>%n morceaux.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/library_tree.py" line="65"/>
        <source>Album genre from the summed probabilities of %n classified tracks.</source>
        <translation>
            <numerusform>Genre de l’album d’après les probabilités cumulées de %n morceau classé.</numerusform>
            <numerusform>Genre de l’album d’après les probabilités cumulées de %n morceaux classés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/library_tree.py" line="203"/>
        <source>%n tracks</source>
        <translation>
            <numerusform>%n morceau</numerusform>
            <numerusform>%n morceaux</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/library_tree.py" line="263"/>
        <source>Albums with their consensus genre; expand one to see its tracks</source>
        <translation>Les albums avec leur genre majoritaire&#xa0;; dépliez-en un pour voir ses morceaux</translation>
    </message>
</context>
<context>
    <name>Charts</name>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/level_meter.py" line="23"/>
        <source>Input level (dBFS)</source>
        <translation>Niveau d’entrée (dBFS)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/level_meter.py" line="55"/>
        <source>{level} dBFS</source>
        <translation>{level}&#xa0;dBFS</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/probability_bars.py" line="28"/>
        <source>Probability of each genre for this track</source>
        <translation>Probabilité de chaque genre pour ce morceau</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/probability_bars.py" line="49"/>
        <source>None of these</source>
        <translation>Aucun de ces genres</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/probability_bars.py" line="69"/>
        <source>no prediction</source>
        <translation>aucune prédiction</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/spectrogram.py" line="50"/>
        <source>select a track</source>
        <translation>sélectionnez un morceau</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/spectrogram.py" line="52"/>
        <source>Log-mel spectrogram of the excerpts the model listened to</source>
        <translation>Spectrogramme log-mel des extraits écoutés par le modèle</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/spectrogram.py" line="68"/>
        <source>nothing analysed</source>
        <translation>rien d’analysé</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/timeline.py" line="38"/>
        <source>Genre probabilities over time (newest on the right)</source>
        <translation>Probabilités des genres au fil du temps (les plus récentes à droite)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/widgets/timeline.py" line="89"/>
        <source>not listening</source>
        <translation>écoute arrêtée</translation>
    </message>
</context>
<context>
    <name>Decisions</name>
    <message>
        <location filename="../../mgc_desktop/gui/decision_keeper.py" line="84"/>
        <source>Could not save your decisions: {error}</source>
        <translation>Impossible d’enregistrer vos décisions&#xa0;: {error}</translation>
    </message>
</context>
<context>
    <name>Detail</name>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="45"/>
        <source>Tag</source>
        <translation>Étiquette</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="45"/>
        <source>Now</source>
        <translation>Maintenant</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="45"/>
        <source>After write</source>
        <translation>Après écriture</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="105"/>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="225"/>
        <source>No track selected</source>
        <translation>Aucun morceau sélectionné</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="114"/>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="317"/>
        <source>Play</source>
        <translation>Écouter</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="115"/>
        <source>Listen to this track (Space)</source>
        <translation>Écouter ce morceau (Espace)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="137"/>
        <source>The file&apos;s tags now, and after the next write (changes in bold). Only the genre is ever written.</source>
        <translation>Les étiquettes du fichier maintenant, et après la prochaine écriture (modifications en gras). Une écriture ne modifie que le genre.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="152"/>
        <source>Genre probabilities</source>
        <translation>Probabilités des genres</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="153"/>
        <source>What the model heard (log-mel)</source>
        <translation>Ce que le modèle a entendu (log-mel)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="162"/>
        <source>Tags: now and after write</source>
        <translation>Étiquettes&#xa0;: maintenant et après écriture</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="228"/>
        <source>select a track</source>
        <translation>sélectionnez un morceau</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="235"/>
        <source>failed: {error}</source>
        <translation>échec&#xa0;: {error}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="239"/>
        <source>{genre} (uncertain)</source>
        <translation>{genre} (incertain)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="245"/>
        <source>your genre: {genre}</source>
        <translation>votre genre&#xa0;: {genre}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="253"/>
        <source>analysing…</source>
        <translation>analyse…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="253"/>
        <source>not analysed</source>
        <translation>non analysé</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="295"/>
        <source>stored as {key}</source>
        <translation>enregistré comme {key}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="317"/>
        <source>Stop</source>
        <translation>Arrêter</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="318"/>
        <source>decoding…</source>
        <translation>décodage…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="318"/>
        <source>playing</source>
        <translation>lecture</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <location filename="../../mgc_desktop/gui/errors_panel.py" line="33"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/errors_panel.py" line="33"/>
        <source>Reason</source>
        <translation>Raison</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/errors_panel.py" line="40"/>
        <source>Files that failed, and why</source>
        <translation>Les fichiers en échec, et pourquoi</translation>
    </message>
</context>
<context>
    <name>Format</name>
    <message>
        <location filename="../../mgc_desktop/gui/i18n.py" line="84"/>
        <source>{value}%</source>
        <translation>{value}&#x202f;%</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/i18n.py" line="112"/>
        <source>{value} s</source>
        <translation>{value}&#xa0;s</translation>
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
        <translation>Classique</translation>
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
        <translation>Hip-hop</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/genre_names.py" line="30"/>
        <source>Jazz</source>
        <translation>Jazz</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/genre_names.py" line="31"/>
        <source>Metal</source>
        <translation>Métal</translation>
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
        <translation>Lot</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="29"/>
        <source>When</source>
        <translation>Date</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="30"/>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="31"/>
        <source>Folder</source>
        <translation>Dossier</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="32"/>
        <source>Written</source>
        <translation>Écrits</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="33"/>
        <source>Skipped</source>
        <translation>Ignorés</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="34"/>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="35"/>
        <source>Still in effect</source>
        <translation>Toujours en vigueur</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="36"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="42"/>
        <source>tag</source>
        <translation>écriture</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="42"/>
        <source>undo</source>
        <translation>annulation</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="45"/>
        <source>{kind} of {batch}</source>
        <translation>{kind} du lot {batch}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="55"/>
        <source>History of tag batches</source>
        <translation>Historique des lots d’étiquettes</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="70"/>
        <source>&amp;Undo this batch</source>
        <translation>&amp;Annuler ce lot</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/history.py" line="71"/>
        <source>Restore the genres this batch replaced</source>
        <translation>Rétablir les genres que ce lot a remplacés</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <location filename="../../mgc_desktop/gui/language.py" line="36"/>
        <source>System language</source>
        <translation>Langue du système</translation>
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
        <translation>Morceaux</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="34"/>
        <source>Cross-validated accuracy</source>
        <translation>Exactitude en validation croisée</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="35"/>
        <source>95% interval</source>
        <translation>intervalle à 95&#x202f;%</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="36"/>
        <source>Trust</source>
        <translation>Fiabilité</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="37"/>
        <source>Spellings in your tags</source>
        <translation>Graphies dans vos étiquettes</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="42"/>
        <source>{low}-{high}</source>
        <translation>{low}–{high}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="53"/>
        <source>Learn my genres</source>
        <translation>Apprendre mes genres</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="57"/>
        <source>Learns the genre names your tagged tracks already carry, so that the app answers in your words. Tags are only read; nothing is written. Genres with fewer than %n tagged tracks are left out. A track unlike all of your genres is “none of these” and never written. Forget deletes what was learned.</source>
        <translation>
            <numerusform>Apprend les noms de genres que portent déjà vos morceaux étiquetés, pour que l’application réponde avec vos mots. Les étiquettes sont seulement lues&#xa0;; rien n’est écrit. Les genres de moins de %n morceau étiqueté sont écartés. Un morceau qui ne ressemble à aucun de vos genres est «&#xa0;aucun de ces genres&#xa0;» et n’est jamais écrit. Oublier efface ce qui a été appris.</numerusform>
            <numerusform>Apprend les noms de genres que portent déjà vos morceaux étiquetés, pour que l’application réponde avec vos mots. Les étiquettes sont seulement lues&#xa0;; rien n’est écrit. Les genres de moins de %n morceaux étiquetés sont écartés. Un morceau qui ne ressemble à aucun de vos genres est «&#xa0;aucun de ces genres&#xa0;» et n’est jamais écrit. Oublier efface ce qui a été appris.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="84"/>
        <source>&amp;Learn</source>
        <translation>&amp;Apprendre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="86"/>
        <source>Learn from the genre tags of the tracks in this folder</source>
        <translation>Apprendre à partir des étiquettes de genre des morceaux de ce dossier</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="89"/>
        <source>&amp;Forget</source>
        <translation>&amp;Oublier</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="91"/>
        <source>Delete the learned genres (back to the built-in ones)</source>
        <translation>Supprimer les genres appris (retour aux genres intégrés)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="111"/>
        <source>From: {folder}</source>
        <translation>Source&#xa0;: {folder}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="113"/>
        <source>Choose a music folder first</source>
        <translation>Choisissez d’abord un dossier de musique</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="118"/>
        <source>Learning from your tags…</source>
        <translation>Apprentissage à partir de vos étiquettes…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="139"/>
        <source>Learned %n genres from {used} tagged tracks.</source>
        <translation>
            <numerusform>%n genre appris à partir de {used} morceaux étiquetés.</numerusform>
            <numerusform>%n genres appris à partir de {used} morceaux étiquetés.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="142"/>
        <source>Cross-validated accuracy {accuracy} of %n tracks (95% interval {interval}; mean per genre {mean}).</source>
        <translation>
            <numerusform>Exactitude en validation croisée&#xa0;: {accuracy} sur %n morceau (intervalle à 95&#x202f;% {interval}&#x202f;; moyenne par genre {mean}).</numerusform>
            <numerusform>Exactitude en validation croisée&#xa0;: {accuracy} sur %n morceaux (intervalle à 95&#x202f;% {interval}&#x202f;; moyenne par genre {mean}).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="151"/>
        <source>%n tracks have no genre tag.</source>
        <translation>
            <numerusform>%n morceau n’a pas d’étiquette de genre.</numerusform>
            <numerusform>%n morceaux n’ont pas d’étiquette de genre.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="154"/>
        <source>%n files could not be read.</source>
        <translation>
            <numerusform>%n fichier n’a pas pu être lu.</numerusform>
            <numerusform>%n fichiers n’ont pas pu être lus.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="155"/>
        <source>The table now shows your genres.</source>
        <translation>Le tableau affiche désormais vos genres.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="161"/>
        <source>{spelling} ×{count}</source>
        <translation>{spelling} ×{count}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="171"/>
        <source>too few tracks to trust</source>
        <translation>trop peu de morceaux pour s’y fier</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="183"/>
        <source>Fewer than %n tagged tracks: the estimate may be far off. Tag more tracks of this genre.</source>
        <translation>
            <numerusform>Moins de %n morceau étiqueté&#xa0;: l’estimation peut être très éloignée. Étiquetez davantage de morceaux de ce genre.</numerusform>
            <numerusform>Moins de %n morceaux étiquetés&#xa0;: l’estimation peut être très éloignée. Étiquetez davantage de morceaux de ce genre.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="193"/>
        <source>Left out: {genres}</source>
        <translation>Écartés&#xa0;: {genres}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="194"/>
        <source>; </source>
        <translation>&#x202f;; </translation>
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
            <numerusform>«&#xa0;Aucun de ces genres&#xa0;»&#xa0;: comparaison avec %n morceau sans étiquette de genre.</numerusform>
            <numerusform>«&#xa0;Aucun de ces genres&#xa0;»&#xa0;: comparaison avec %n morceaux sans étiquette de genre.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="215"/>
        <source>None of these: calibrated on held-out genres (few untagged tracks).</source>
        <translation>«&#xa0;Aucun de ces genres&#xa0;»&#xa0;: calibré en mettant des genres de côté (peu de morceaux sans étiquette de genre).</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="221"/>
        <source>Each genre held out in turn came out none of these or uncertain for {share} of its tracks ({interval}).</source>
        <translation>Chaque genre mis de côté à son tour est sorti «&#xa0;aucun de ces genres&#xa0;» ou incertain pour {share} de ses morceaux ({interval}).</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="228"/>
        <source>No threshold reaches {precision} cross-validated precision: nothing is written automatically unless you set a threshold.</source>
        <translation>Aucun seuil n’atteint {precision} de précision en validation croisée&#xa0;: rien n’est écrit automatiquement, sauf si vous fixez un seuil.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="235"/>
        <source>Written from confidence {confidence} on (cross-validated precision {precision}, target {target}).</source>
        <translation>Écrit à partir d’une confiance de {confidence} (précision en validation croisée {precision}, objectif {target}).</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="247"/>
        <source>Nothing learned: {message}</source>
        <translation>Rien d’appris&#xa0;: {message}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="256"/>
        <source>Forgot the learned genres: the table shows the built-in genres again.</source>
        <translation>Genres appris oubliés&#xa0;: le tableau affiche de nouveau les genres intégrés.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/learn.py" line="258"/>
        <source>There were no learned genres to forget.</source>
        <translation>Il n’y avait aucun genre appris à oublier.</translation>
    </message>
</context>
<context>
    <name>Live</name>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="36"/>
        <source>warming up</source>
        <translation>mise en route</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="37"/>
        <source>music</source>
        <translation>musique</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="38"/>
        <source>silent</source>
        <translation>silencieux</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="45"/>
        <source>listening…</source>
        <translation>écoute…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="46"/>
        <source>no music heard</source>
        <translation>aucune musique entendue</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="101"/>
        <source>Input device to listen to</source>
        <translation>Périphérique d’entrée à écouter</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="102"/>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="158"/>
        <source>Default input</source>
        <translation>Entrée par défaut</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="103"/>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="104"/>
        <source>Look for input devices again</source>
        <translation>Rechercher de nouveau les périphériques d’entrée</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="106"/>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="240"/>
        <source>Start listening</source>
        <translation>Commencer l’écoute</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="108"/>
        <source>Classify what the microphone hears (Ctrl+L shows/hides)</source>
        <translation>Classer ce qu’entend le micro (Ctrl+L affiche ou masque)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="112"/>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="241"/>
        <source>Not listening</source>
        <translation>Écoute arrêtée</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="123"/>
        <source>Input:</source>
        <translation>Entrée&#xa0;:</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="132"/>
        <source>Over time</source>
        <translation>Au fil du temps</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="161"/>
        <source>{device} (default)</source>
        <translation>{device} (par défaut)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="168"/>
        <source>No audio input device found (is a microphone connected?)</source>
        <translation>Aucun périphérique d’entrée audio trouvé (un micro est-il branché&#x202f;?)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="203"/>
        <source>Opening the input…</source>
        <translation>Ouverture de l’entrée…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="215"/>
        <source>Stop listening</source>
        <translation>Arrêter l’écoute</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="217"/>
        <source>Listening…</source>
        <translation>À l’écoute…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="235"/>
        <source>Stopped: waiting for the input to finish opening…</source>
        <translation>Arrêté&#xa0;: attente de la fin de l’ouverture de l’entrée…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="252"/>
        <source>{genre}  {confidence}</source>
        <translation>{genre}  {confidence}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="256"/>
        <source>{genre} (unsure)</source>
        <translation>{genre} (incertain)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/live_panel.py" line="266"/>
        <source>{state} · latency {ms} ms</source>
        <translation>{state} · latence {ms}&#xa0;ms</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/live_panel.py" line="270"/>
        <source>{status} · %n overflows</source>
        <translation>
            <numerusform>{status} · %n débordement</numerusform>
            <numerusform>{status} · %n débordements</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MyGenres</name>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="43"/>
        <source>Similar tracks</source>
        <translation>Morceaux similaires</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="45"/>
        <source>&amp;Learn my genres…</source>
        <translation>&amp;Apprendre mes genres…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="47"/>
        <source>Learn your own genre names from the tags in this folder</source>
        <translation>Apprendre vos propres noms de genres à partir des étiquettes de ce dossier</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="50"/>
        <source>Answer in &amp;my genres</source>
        <translation>Répondre dans &amp;mes genres</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="55"/>
        <source>Show predictions in the genres learned from your tags (off: the built-in genres)</source>
        <translation>Afficher les prédictions dans les genres appris de vos étiquettes (désactivé&#xa0;: les genres intégrés)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="105"/>
        <source>Showing your genres</source>
        <translation>Affichage de vos genres</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="107"/>
        <source>Showing the built-in genres</source>
        <translation>Affichage des genres intégrés</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="114"/>
        <source>Cannot show your genres: {message}</source>
        <translation>Impossible d’afficher vos genres&#xa0;: {message}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="134"/>
        <source>choose and scan a music folder first</source>
        <translation>choisissez et analysez d’abord un dossier de musique</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/vocabulary_feature.py" line="173"/>
        <source>select a track</source>
        <translation>sélectionnez un morceau</translation>
    </message>
</context>
<context>
    <name>Preview</name>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="41"/>
        <source>write only where the file has no genre yet</source>
        <translation>écrire seulement là où le fichier n’a pas encore de genre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="42"/>
        <source>replace the file&apos;s genre</source>
        <translation>remplacer le genre du fichier</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="43"/>
        <source>add to the genres the file has</source>
        <translation>ajouter aux genres du fichier</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="48"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="48"/>
        <source>Old</source>
        <translation>Ancien</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="48"/>
        <source>New</source>
        <translation>Nouveau</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="48"/>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="75"/>
        <source>Preview: write genre tags</source>
        <translation>Aperçu&#xa0;: écrire les étiquettes de genre</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="80"/>
        <source>Plans the %n tracks you accepted or gave a genre, whatever is selected; the files it writes are the status bar&apos;s “to write”. No other file is touched.</source>
        <translation>
            <numerusform>Prépare le morceau que vous avez accepté ou dont vous avez choisi le genre, quelle que soit la sélection&#x202f;; les fichiers écrits sont les «&#xa0;à écrire&#xa0;» de la barre d’état. Aucun autre fichier n’est touché.</numerusform>
            <numerusform>Prépare les %n morceaux que vous avez acceptés ou dont vous avez choisi le genre, quelle que soit la sélection&#x202f;; les fichiers écrits sont les «&#xa0;à écrire&#xa0;» de la barre d’état. Aucun autre fichier n’est touché.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="100"/>
        <source>What to do with a genre a file already has</source>
        <translation>Que faire d’un genre que le fichier a déjà</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="108"/>
        <source>Predictions below this confidence are left alone (manual genres always count)</source>
        <translation>Les prédictions sous cette confiance sont laissées de côté (les genres choisis à la main comptent toujours)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="119"/>
        <source>&amp;Policy</source>
        <translation>&amp;Règle</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="120"/>
        <source>&amp;Threshold</source>
        <translation>&amp;Seuil</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="121"/>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="174"/>
        <source>planning…</source>
        <translation>préparation…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="141"/>
        <source>&amp;Write</source>
        <translation>É&amp;crire</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="199"/>
        <source>planning… {done} / {total}</source>
        <translation>préparation… {done} / {total}</translation>
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
            <numerusform>%n à écrire</numerusform>
            <numerusform>%n à écrire</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="219"/>
        <source>%n left as they are</source>
        <translation>
            <numerusform>%n laissé tel quel</numerusform>
            <numerusform>%n laissés tels quels</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="220"/>
        <source>%n cannot be written</source>
        <translation>
            <numerusform>%n impossible à écrire</numerusform>
            <numerusform>%n impossibles à écrire</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="232"/>
        <source>(none)</source>
        <translation>(aucun)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="233"/>
        <source>(unchanged)</source>
        <translation>(inchangé)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="243"/>
        <source>&amp;Write %n files</source>
        <translation>
            <numerusform>É&amp;crire %n fichier</numerusform>
            <numerusform>É&amp;crire %n fichiers</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/preview.py" line="248"/>
        <source>cannot plan: {message}</source>
        <translation>préparation impossible&#xa0;: {message}</translation>
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
        <translation>inchangé</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="126"/>
        <source>nothing to write</source>
        <translation>rien à écrire</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="127"/>
        <source>already has these genres</source>
        <translation>a déjà ces genres</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="133"/>
        <source>already has a genre ({genres})</source>
        <translation>a déjà un genre ({genres})</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="268"/>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="283"/>
        <source>your genre</source>
        <translation>votre genre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="285"/>
        <source>no genre</source>
        <translation>aucun genre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="290"/>
        <source>{prediction}, uncertain</source>
        <translation>{prediction}, incertain</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="292"/>
        <source>{prediction}, below {threshold}</source>
        <translation>{prediction}, sous {threshold}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="301"/>
        <source>{what}: left alone</source>
        <translation>{what}&#xa0;: laissé de côté</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/review.py" line="302"/>
        <source>{what}: {reason}</source>
        <translation>{what}&#xa0;: {reason}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="57"/>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="67"/>
        <source>fill: only files without a genre; replace: overwrite; append: add to existing genres</source>
        <translation>compléter&#xa0;: seulement les fichiers sans genre&#x202f;; remplacer&#xa0;: écraser&#x202f;; ajouter&#xa0;: ajouter aux genres existants</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="75"/>
        <source>Write up to this many genres, each at least the threshold</source>
        <translation>Écrire jusqu’à ce nombre de genres, chacun au moins au seuil</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="86"/>
        <source>A predicted genre is written only when its confidence is at least this; below it the file&apos;s genre is left untouched (genres you set yourself always count). Default: that of the genres shown, the model&apos;s own or your learned genres&apos; ({default})</source>
        <translation>Un genre prédit n’est écrit que si sa confiance atteint au moins cette valeur&#x202f;; en dessous, le genre du fichier n’est pas touché (les genres que vous choisissez comptent toujours). Par défaut&#xa0;: celui des genres affichés, celui du modèle ou de vos genres appris ({default})</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="93"/>
        <source>Default</source>
        <translation>Par défaut</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="95"/>
        <source>Use the threshold of the genres shown (follows the model)</source>
        <translation>Utiliser le seuil des genres affichés (suit le modèle)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="104"/>
        <source>automatic</source>
        <translation>automatique</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="107"/>
        <source>Classifier processes (automatic: one per core, at most four)</source>
        <translation>Processus de classement (automatique&#xa0;: un par cœur, quatre au plus)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="109"/>
        <source>Keep files&apos; modification times</source>
        <translation>Conserver la date de modification des fichiers</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="112"/>
        <source>the shipped model</source>
        <translation>le modèle fourni</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="114"/>
        <source>Another mgc-desktop ONNX genre model; it is checked first</source>
        <translation>Un autre modèle de genres ONNX pour mgc-desktop&#xa0;; il est d’abord vérifié</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="116"/>
        <source>Browse…</source>
        <translation>Parcourir…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="118"/>
        <source>Shipped model</source>
        <translation>Modèle fourni</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="130"/>
        <source>Model class</source>
        <translation>Classe du modèle</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="130"/>
        <source>Name written into tags</source>
        <translation>Nom écrit dans les étiquettes</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="135"/>
        <source>The name each genre is written as; blank: back to the default</source>
        <translation>Le nom sous lequel chaque genre est écrit&#xa0;; vide&#xa0;: retour au nom par défaut</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="143"/>
        <source>default: {name}</source>
        <translation>par défaut&#xa0;: {name}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="152"/>
        <source>The language of the window (System: the system&apos;s). Genre tags are written as the genre names below say, whatever the language.</source>
        <translation>La langue de la fenêtre (Système&#xa0;: celle du système). Les étiquettes de genre sont écrites comme l’indiquent les noms de genres ci-dessous, quelle que soit la langue.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="157"/>
        <source>A new language takes effect the next time the app starts.</source>
        <translation>Une nouvelle langue s’applique au prochain démarrage de l’application.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="162"/>
        <source>&amp;Policy</source>
        <translation>&amp;Règle</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="163"/>
        <source>&amp;Top-k genres</source>
        <translation>Nombre de &amp;genres (top-k)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="164"/>
        <source>T&amp;hreshold</source>
        <translation>&amp;Seuil</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="167"/>
        <source>&amp;Workers</source>
        <translation>&amp;Processus</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="170"/>
        <source>&amp;Model file</source>
        <translation>Fichier du &amp;modèle</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="174"/>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="186"/>
        <source>Genre display names</source>
        <translation>Noms des genres</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="195"/>
        <source>Choose a genre model</source>
        <translation>Choisir un modèle de genres</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="197"/>
        <source>ONNX models (*.onnx);;All files (*)</source>
        <translation>Modèles ONNX (*.onnx);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="238"/>
        <source>Checking the model…</source>
        <translation>Vérification du modèle…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="245"/>
        <source>Model {model} {version}: OK</source>
        <translation>Modèle {model} {version}&#xa0;: OK</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="254"/>
        <source>This model cannot be used: {message}</source>
        <translation>Ce modèle est inutilisable&#xa0;: {message}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="258"/>
        <source>Invalid model file</source>
        <translation>Fichier de modèle invalide</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/dialogs/settings.py" line="259"/>
        <source>This model cannot be used:

{message}</source>
        <translation>Ce modèle est inutilisable&#xa0;:

{message}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/settings.py" line="36"/>
        <source>fill</source>
        <translation>compléter</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/settings.py" line="37"/>
        <source>replace</source>
        <translation>remplacer</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/settings.py" line="38"/>
        <source>append</source>
        <translation>ajouter</translation>
    </message>
</context>
<context>
    <name>Similar</name>
    <message>
        <location filename="../../mgc_desktop/gui/similar_panel.py" line="28"/>
        <source>Similarity</source>
        <translation>Similarité</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/similar_panel.py" line="28"/>
        <source>Track</source>
        <translation>Morceau</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/similar_panel.py" line="40"/>
        <source>select a track</source>
        <translation>sélectionnez un morceau</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/similar_panel.py" line="51"/>
        <source>Double-click a track to select it in the library</source>
        <translation>Double-cliquez sur un morceau pour le sélectionner dans la bibliothèque</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/similar_panel.py" line="63"/>
        <source>looking for similar tracks…</source>
        <translation>recherche de morceaux similaires…</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/similar_panel.py" line="71"/>
        <source>%n most similar indexed tracks</source>
        <translation>
            <numerusform>Le morceau indexé le plus proche</numerusform>
            <numerusform>Les %n morceaux indexés les plus proches</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/similar_panel.py" line="73"/>
        <source>no other track yet</source>
        <translation>aucun autre morceau pour l’instant</translation>
    </message>
</context>
<context>
    <name>Table</name>
    <message>
        <location filename="../../mgc_desktop/gui/genre_delegate.py" line="38"/>
        <source>Type or pick the genre to write for this track (empty: back to the prediction)</source>
        <translation>Saisissez ou choisissez le genre à écrire pour ce morceau (vide&#xa0;: retour à la prédiction)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="76"/>
        <source>File</source>
        <translation>Fichier</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="77"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="78"/>
        <source>Artist</source>
        <translation>Artiste</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="79"/>
        <source>Album</source>
        <translation>Album</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="80"/>
        <source>Current</source>
        <translation>Actuel</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="81"/>
        <source>Predicted</source>
        <translation>Prédit</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="82"/>
        <source>Conf.</source>
        <translation>Conf.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="83"/>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="90"/>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="91"/>
        <source>Classified</source>
        <translation>Classés</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="92"/>
        <source>Uncertain</source>
        <translation>Incertains</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="93"/>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="94"/>
        <source>Queued</source>
        <translation>En attente</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="95"/>
        <source>To write</source>
        <translation>À écrire</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="96"/>
        <source>Written</source>
        <translation>Écrits</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="103"/>
        <source>queued</source>
        <translation>en attente</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="104"/>
        <source>classified</source>
        <translation>classé</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="105"/>
        <source>uncertain</source>
        <translation>incertain</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="106"/>
        <source>silent</source>
        <translation>silencieux</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="107"/>
        <source>failed</source>
        <translation>en échec</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="108"/>
        <source>accepted</source>
        <translation>accepté</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="109"/>
        <source>override</source>
        <translation>manuel</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="110"/>
        <source>written</source>
        <translation>écrit</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="361"/>
        <source>Double-click (or F2) to set this track&apos;s genre by hand; keys 1-9 and 0 pick one</source>
        <translation>Double-cliquez (ou F2) pour choisir vous-même le genre de ce morceau&#x202f;; les touches 1 à 9 et 0 en choisissent un</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="365"/>
        <source>Model: {genre}. {how}</source>
        <translation>Modèle&#xa0;: {genre}. {how}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="389"/>
        <source>File name (hover a cell for the full path)</source>
        <translation>Nom du fichier (survolez une cellule pour le chemin complet)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="390"/>
        <source>Title tag</source>
        <translation>Étiquette de titre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="391"/>
        <source>Artist tag</source>
        <translation>Étiquette d’artiste</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="392"/>
        <source>Album tag</source>
        <translation>Étiquette d’album</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="393"/>
        <source>Current genre: the genre stored in the file now</source>
        <translation>Genre actuel&#xa0;: celui que le fichier contient maintenant</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="395"/>
        <source>Predicted genre: the model&apos;s, or yours in bold (double-click, or keys 1-9 and 0)</source>
        <translation>Genre prédit&#xa0;: celui du modèle, ou le vôtre en gras (double-clic, ou touches 1 à 9 et 0)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="398"/>
        <source>Confidence: how sure the model is; uncertain ones (below the threshold) in amber, never written alone</source>
        <translation>Confiance&#xa0;: l’assurance du modèle&#x202f;; les incertaines (sous le seuil) en ambre, jamais écrites d’office</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/track_model.py" line="401"/>
        <source>queued, classified, uncertain, silent, failed, accepted, override or written</source>
        <translation>en attente, classé, incertain, silencieux, en échec, accepté, manuel ou écrit</translation>
    </message>
</context>
<context>
    <name>TagFlowText</name>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="31"/>
        <source>Nothing to undo.</source>
        <translation>Rien à annuler.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="34"/>
        <source>There is no batch {batch}.</source>
        <translation>Il n’y a pas de lot {batch}.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="98"/>
        <source>Nothing to write</source>
        <translation>Rien à écrire</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="100"/>
        <source>No track is marked to write yet. Accept predictions (Accept above, or Enter on a track) or set genres by hand (double-click the genre, or keys 1-9 and 0) first.</source>
        <translation>Aucun morceau n’est encore marqué à écrire. Acceptez d’abord des prédictions (Accepter au-dessus, ou Entrée sur un morceau) ou choisissez des genres vous-même (double-clic sur le genre, ou touches 1 à 9 et 0).</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="154"/>
        <source>Writing tags…</source>
        <translation>Écriture des étiquettes…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="189"/>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="281"/>
        <source>Cannot read the history</source>
        <translation>Impossible de lire l’historique</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="196"/>
        <source>Undo batch {batch} ({kind}, {when})?</source>
        <translation>Annuler le lot {batch} ({kind}, {when})&#x202f;?</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="201"/>
        <source>It restores the genres it replaced in %n files in {folder}, byte for byte where the file is as it left it.</source>
        <translation>
            <numerusform>Les genres qu’il a remplacés seront rétablis dans %n fichier de {folder}, à l’octet près si le fichier est resté tel que le lot l’a laissé.</numerusform>
            <numerusform>Les genres qu’il a remplacés seront rétablis dans %n fichiers de {folder}, à l’octet près là où le fichier est resté tel que le lot l’a laissé.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="208"/>
        <source>It restores the genres it replaced in %n files, byte for byte where the file is as it left it.</source>
        <translation>
            <numerusform>Les genres qu’il a remplacés seront rétablis dans %n fichier, à l’octet près si le fichier est resté tel que le lot l’a laissé.</numerusform>
            <numerusform>Les genres qu’il a remplacés seront rétablis dans %n fichiers, à l’octet près là où le fichier est resté tel que le lot l’a laissé.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="215"/>
        <source>Undo last batch</source>
        <translation>Annuler le dernier lot</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="221"/>
        <source>&amp;Undo %n files</source>
        <translation>
            <numerusform>&amp;Annuler (%n fichier)</numerusform>
            <numerusform>&amp;Annuler (%n fichiers)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="236"/>
        <source>Undoing…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="249"/>
        <source>Nothing to undo</source>
        <translation>Rien à annuler</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/tag_flow.py" line="299"/>
        <source>Tags were not written</source>
        <translation>Les étiquettes n’ont pas été écrites</translation>
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
        <translation>Artiste de l’album</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="54"/>
        <source>Album artist sort order</source>
        <translation>Tri par artiste de l’album</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="55"/>
        <source>Album sort order</source>
        <translation>Tri par album</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="56"/>
        <source>Artist</source>
        <translation>Artiste</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="57"/>
        <source>Artist sort order</source>
        <translation>Tri par artiste</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="58"/>
        <source>Artist website</source>
        <translation>Site web de l’artiste</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="59"/>
        <source>BPM</source>
        <translation>BPM</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="60"/>
        <source>Comment</source>
        <translation>Commentaire</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="61"/>
        <source>Compilation</source>
        <translation>Compilation</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="62"/>
        <source>Composer</source>
        <translation>Compositeur</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="63"/>
        <source>Conductor</source>
        <translation>Chef d’orchestre</translation>
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
        <translation>Disque</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="67"/>
        <source>Encoded by</source>
        <translation>Encodé par</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="68"/>
        <source>Encoder</source>
        <translation>Encodeur</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="69"/>
        <source>Genre</source>
        <translation>Genre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="70"/>
        <source>Grouping</source>
        <translation>Regroupement</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="71"/>
        <source>ISRC</source>
        <translation>ISRC</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="72"/>
        <source>Key</source>
        <translation>Tonalité</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="73"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="74"/>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="75"/>
        <source>Length (ms)</source>
        <translation>Durée (ms)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="76"/>
        <source>Lyricist</source>
        <translation>Parolier</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="77"/>
        <source>Lyrics</source>
        <translation>Paroles</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="78"/>
        <source>Media</source>
        <translation>Support</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="79"/>
        <source>Mood</source>
        <translation>Ambiance</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="80"/>
        <source>Original album</source>
        <translation>Album d’origine</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="81"/>
        <source>Original artist</source>
        <translation>Artiste d’origine</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="82"/>
        <source>Original date</source>
        <translation>Date d’origine</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="83"/>
        <source>Owner</source>
        <translation>Propriétaire</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="84"/>
        <source>Performer</source>
        <translation>Interprète</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="85"/>
        <source>Release date</source>
        <translation>Date de sortie</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="86"/>
        <source>Remixer</source>
        <translation>Remixeur</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="87"/>
        <source>Subtitle</source>
        <translation>Sous-titre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="88"/>
        <source>Tagging date</source>
        <translation>Date d’étiquetage</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="89"/>
        <source>Title</source>
        <translation>Titre</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/detail_pane.py" line="90"/>
        <source>Track</source>
        <translation>Morceau</translation>
    </message>
</context>
<context>
    <name>Window</name>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="199"/>
        <source>The music folder (drop a folder on the window to change)</source>
        <translation>Le dossier de musique (déposez un dossier sur la fenêtre pour en changer)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="203"/>
        <source>Search file, title, artist, album, genre…  (Ctrl+F)</source>
        <translation>Chercher un fichier, titre, artiste, album, genre…  (Ctrl+F)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="206"/>
        <source>Show only tracks whose names or tags contain this text</source>
        <translation>N’afficher que les morceaux dont le nom ou les étiquettes contiennent ce texte</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="215"/>
        <source>Show only tracks in this state</source>
        <translation>N’afficher que les morceaux dans cet état</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="225"/>
        <source>Tracks</source>
        <translation>Morceaux</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="226"/>
        <source>Albums</source>
        <translation>Albums</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="227"/>
        <source>Every track, flat: sort and filter</source>
        <translation>Tous les morceaux, à plat&#xa0;: triez et filtrez</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="229"/>
        <source>Albums (or folders) with their consensus genre</source>
        <translation>Les albums (ou dossiers) avec leur genre majoritaire</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="258"/>
        <location filename="../../mgc_desktop/gui/main_window.py" line="261"/>
        <source>Errors</source>
        <translation>Erreurs</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="261"/>
        <source>Errors (%n)</source>
        <translation>
            <numerusform>Erreurs (%n)</numerusform>
            <numerusform>Erreurs (%n)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="264"/>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="386"/>
        <source>No folder chosen: Open or drop one here</source>
        <translation>Aucun dossier choisi&#xa0;: ouvrez-en un ou déposez-le ici</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="444"/>
        <source>%n tracks</source>
        <translation>
            <numerusform>%n morceau</numerusform>
            <numerusform>%n morceaux</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="446"/>
        <source>%n shown</source>
        <translation>
            <numerusform>%n affiché</numerusform>
            <numerusform>%n affichés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="448"/>
        <source>%n uncertain</source>
        <translation>
            <numerusform>%n incertain</numerusform>
            <numerusform>%n incertains</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="450"/>
        <location filename="../../mgc_desktop/gui/main_window.py" line="609"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n en échec</numerusform>
            <numerusform>%n en échec</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="452"/>
        <source>%n to write</source>
        <translation>
            <numerusform>%n à écrire</numerusform>
            <numerusform>%n à écrire</numerusform>
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
            <numerusform>%n fichier changera à l’écriture (règle «&#xa0;{policy}&#xa0;», seuil {threshold}).</numerusform>
            <numerusform>%n fichiers changeront à l’écriture (règle «&#xa0;{policy}&#xa0;», seuil {threshold}).</numerusform>
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
            <numerusform>%n morceau décidé.</numerusform>
            <numerusform>%n morceaux décidés.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="510"/>
        <source>Choose your music folder</source>
        <translation>Choisissez votre dossier de musique</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="556"/>
        <source>Folder not found</source>
        <translation>Dossier introuvable</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="557"/>
        <source>The folder {folder} does not exist (any more).</source>
        <translation>Le dossier {folder} n’existe pas (ou plus).</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="573"/>
        <source>Scanning…</source>
        <translation>Analyse…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="582"/>
        <source>Stopping after the file in progress…</source>
        <translation>Arrêt après le fichier en cours…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="587"/>
        <source>Stopping: finishing the files in progress…</source>
        <translation>Arrêt&#xa0;: fin des fichiers en cours…</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="594"/>
        <source>Cannot scan</source>
        <translation>Analyse impossible</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="602"/>
        <source>Scan failed</source>
        <translation>Échec de l’analyse</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="607"/>
        <source>%n files</source>
        <translation>
            <numerusform>%n fichier</numerusform>
            <numerusform>%n fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="608"/>
        <source>%n classified</source>
        <translation>
            <numerusform>%n classé</numerusform>
            <numerusform>%n classés</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="614"/>
        <source>%n with unreadable tags (not read again)</source>
        <translation>
            <numerusform>%n aux étiquettes illisibles (pas relu)</numerusform>
            <numerusform>%n aux étiquettes illisibles (pas relus)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="618"/>
        <source>Scan stopped after {time}: {counts}</source>
        <translation>Analyse arrêtée après {time}&#xa0;: {counts}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="620"/>
        <source>Scan finished in {time}: {counts}</source>
        <translation>Analyse terminée en {time}&#xa0;: {counts}</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="673"/>
        <source>Looking for music</source>
        <translation>Recherche de musique</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="674"/>
        <source>Reading tags</source>
        <translation>Lecture des étiquettes</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="675"/>
        <source>Classifying</source>
        <translation>Classement</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="676"/>
        <source>Finishing</source>
        <translation>Finalisation</translation>
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
        <translation>{phase}&#xa0;: {rate} fichiers/s, encore {eta} environ</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="690"/>
        <source>{phase}: {rate} files/s</source>
        <translation>{phase}&#xa0;: {rate} fichiers/s</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="695"/>
        <source>{phase}: %n files</source>
        <translation>
            <numerusform>{phase}&#xa0;: %n fichier</numerusform>
            <numerusform>{phase}&#xa0;: %n fichiers</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="828"/>
        <source>Accepted %n predictions at or above {threshold}</source>
        <translation>
            <numerusform>%n prédiction acceptée à {threshold} ou plus</numerusform>
            <numerusform>%n prédictions acceptées à {threshold} ou plus</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="840"/>
        <source>Accepted the genre of %n tracks</source>
        <translation>
            <numerusform>Genre de %n morceau accepté</numerusform>
            <numerusform>Genre de %n morceaux accepté</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="851"/>
        <source>Genre of %n tracks: {genre}</source>
        <translation>
            <numerusform>Genre de %n morceau&#xa0;: {genre}</numerusform>
            <numerusform>Genre de %n morceaux&#xa0;: {genre}</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="877"/>
        <source>No more uncertain tracks below</source>
        <translation>Plus de morceau incertain en dessous</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="879"/>
        <source>No more uncertain tracks above</source>
        <translation>Plus de morceau incertain au-dessus</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="900"/>
        <source>Set genre</source>
        <translation>Choisir le genre</translation>
    </message>
    <message numerus="yes">
        <location filename="../../mgc_desktop/gui/main_window.py" line="901"/>
        <source>Genre for %n tracks:</source>
        <translation>
            <numerusform>Genre pour %n morceau&#xa0;:</numerusform>
            <numerusform>Genre pour %n morceaux&#xa0;:</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="1013"/>
        <source>The new language takes effect the next time the app starts.</source>
        <translation>La nouvelle langue s’appliquera au prochain démarrage de l’application.</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/main_window.py" line="1039"/>
        <source>Model: {message}</source>
        <translation>Modèle&#xa0;: {message}</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <location filename="../../mgc_desktop/gui/workers.py" line="452"/>
        <source>no audio output device (no sound card or sound server was found)</source>
        <translation>aucune sortie audio (ni carte son ni serveur de son trouvé)</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/workers.py" line="481"/>
        <source>cannot play {file}: {reason}</source>
        <translation>impossible de lire {file}&#xa0;: {reason}</translation>
    </message>
</context>
</TS>
