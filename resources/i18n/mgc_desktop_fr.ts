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
    <name>Format</name>
    <message>
        <location filename="../../mgc_desktop/gui/i18n.py" line="58"/>
        <source>{value}%</source>
        <translation>{value}&#x202f;%</translation>
    </message>
    <message>
        <location filename="../../mgc_desktop/gui/i18n.py" line="86"/>
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
        <location filename="../../mgc_desktop/gui/genre_delegate.py" line="30"/>
        <source>Type or pick the genre to write for this track (empty: back to the prediction)</source>
        <translation>Saisissez ou choisissez le genre à écrire pour ce morceau (vide&#xa0;: retour à la prédiction)</translation>
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
