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
