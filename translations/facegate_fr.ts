<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_GB">
<context>
    <name>fg::AlternateProcedure</name>
    <message>
        <source>the traveler&apos;s citizenship is not given</source>
        <translation>la nationalité du voyageur n&apos;est pas indiquée</translation>
    </message>
    <message>
        <source>the document&apos;s kind is not given</source>
        <translation>le type de document n&apos;est pas indiqué</translation>
    </message>
    <message>
        <source>the document&apos;s number is not given</source>
        <translation>le numéro du document n&apos;est pas indiqué</translation>
    </message>
    <message>
        <source>the document&apos;s issuing state is not given</source>
        <translation>l&apos;État émetteur du document n&apos;est pas indiqué</translation>
    </message>
    <message>
        <source>a check of the checklist has no id</source>
        <translation>un contrôle de la liste n&apos;a pas d&apos;identifiant</translation>
    </message>
    <message>
        <source>check &quot;%1&quot; is listed twice</source>
        <translation>le contrôle « %1 » figure deux fois</translation>
    </message>
    <message>
        <source>&quot;verified&quot; needs at least one visual check done (passed or failed)</source>
        <translation>« vérifié » exige au moins un contrôle visuel effectué (réussi ou échoué)</translation>
    </message>
    <message>
        <source>the outcome &quot;%1&quot; needs a reason</source>
        <translation>le résultat « %1 » exige un motif</translation>
    </message>
</context>
<context>
    <name>fg::AlternateProcedureLog</name>
    <message>
        <source>Alternate procedures log</source>
        <translation>Registre des procédures alternatives</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>nom d&apos;utilisateur</translation>
    </message>
    <message>
        <source>e.g. LH 400</source>
        <translation>p. ex. LH 400</translation>
    </message>
    <message>
        <source>document number or name</source>
        <translation>numéro de document ou nom</translation>
    </message>
    <message>
        <source>any</source>
        <translation>tous</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Rechercher</translation>
    </message>
    <message>
        <source>&amp;Officer</source>
        <translation>A&amp;gent</translation>
    </message>
    <message>
        <source>F&amp;light</source>
        <translation>&amp;Vol</translation>
    </message>
    <message>
        <source>O&amp;utcome</source>
        <translation>Rés&amp;ultat</translation>
    </message>
    <message>
        <source>Doc&amp;ument or name</source>
        <translation>D&amp;ocument ou nom</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>&amp;Précédente</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>&amp;Suivante</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exporter en &amp;CSV…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>Exporter en PD&amp;F…</translation>
    </message>
    <message>
        <source>No procedures</source>
        <translation>Aucune procédure</translation>
    </message>
    <message>
        <source>1 procedure</source>
        <translation>1 procédure</translation>
    </message>
    <message>
        <source>%1 procedures</source>
        <translation>%1 procédures</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Page %1 sur %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>du %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>au %1</translation>
    </message>
    <message>
        <source>officer %1</source>
        <translation>agent %1</translation>
    </message>
    <message>
        <source>flight %1</source>
        <translation>vol %1</translation>
    </message>
    <message>
        <source>outcome %1</source>
        <translation>résultat %1</translation>
    </message>
    <message>
        <source>document or name containing “%1”</source>
        <translation>document ou nom contenant « %1 »</translation>
    </message>
    <message>
        <source>all procedures</source>
        <translation>toutes les procédures</translation>
    </message>
    <message>
        <source>ascending</source>
        <translation>croissant</translation>
    </message>
    <message>
        <source>descending</source>
        <translation>décroissant</translation>
    </message>
    <message>
        <source>sorted by %1, %2</source>
        <translation>trié par %1, %2</translation>
    </message>
    <message>
        <source>The “to” date is before the “from” date: no procedure can match.</source>
        <translation>La date « au » précède la date « du » : aucune procédure ne peut correspondre.</translation>
    </message>
    <message>
        <source>The log could not be read: %1</source>
        <translation>Le registre n&apos;a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>Not exported to %1: the log could not be read: %2</source>
        <translation>Non exporté vers %1 : le registre n&apos;a pas pu être lu : %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>Exported %1 (local time) · %2</source>
        <translation>Exporté le %1 (heure locale) · %2</translation>
    </message>
    <message>
        <source>Export the alternate procedures as CSV</source>
        <translation>Exporter les procédures alternatives en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the alternate procedures as PDF</source>
        <translation>Exporter les procédures alternatives en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>Exporté : %1 vers %2.</translation>
    </message>
</context>
<context>
    <name>fg::AlternateProcedureTableModel</name>
    <message>
        <source>passed</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>sans objet</translation>
    </message>
    <message>
        <source>Holder: %1</source>
        <translation>Titulaire : %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Click to sort by this column</source>
        <translation>Cliquer pour trier selon cette colonne</translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation>Cette colonne ne peut pas être triée</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Date et heure</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Workstation / lane</source>
        <translation>Poste / file</translation>
    </message>
    <message>
        <source>Flight</source>
        <translation>Vol</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Contrôles</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Vérifié</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Non vérifié</translation>
    </message>
    <message>
        <source>Referred to secondary</source>
        <translation>Orienté vers le contrôle approfondi</translation>
    </message>
    <message>
        <source>passport</source>
        <translation>passeport</translation>
    </message>
    <message>
        <source>identity card</source>
        <translation>carte d&apos;identité</translation>
    </message>
    <message>
        <source>visa</source>
        <translation>visa</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%n passed</source>
        <translation>
            <numerusform>%n réussie</numerusform>
            <numerusform>%n réussies</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n échouée</numerusform>
            <numerusform>%n échouées</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not applicable</source>
        <translation>
            <numerusform>%n sans objet</numerusform>
            <numerusform>%n sans objet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fg::AuditedExport</name>
    <message>
        <source>Not exported: there is no audit log to record the export in.</source>
        <translation>Non exporté : il n&apos;y a aucun journal d&apos;audit où inscrire l&apos;exportation.</translation>
    </message>
    <message>
        <source>Not exported: the export could not be recorded in the audit log: %1</source>
        <translation>Non exporté : l&apos;exportation n&apos;a pas pu être inscrite au journal d&apos;audit : %1</translation>
    </message>
</context>
<context>
    <name>fg::CameraTile</name>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 i/s</translation>
    </message>
    <message>
        <source>— fps</source>
        <translation>— i/s</translation>
    </message>
    <message>
        <source>Capture camera</source>
        <translation>Caméra de capture</translation>
    </message>
    <message>
        <source>The desk captures from this camera</source>
        <translation>Le poste capture avec cette caméra</translation>
    </message>
    <message>
        <source>Click, or press Ctrl+%1, to capture from this camera</source>
        <translation>Cliquer, ou appuyer sur Ctrl+%1, pour capturer avec cette caméra</translation>
    </message>
    <message>
        <source>Click to capture from this camera</source>
        <translation>Cliquer pour capturer avec cette caméra</translation>
    </message>
    <message>
        <source>Camera %1, %2, capture camera</source>
        <translation>Caméra %1, %2, caméra de capture</translation>
    </message>
    <message>
        <source>Camera %1, %2</source>
        <translation>Caméra %1, %2</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Arrêtée</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Ouverture</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En direct</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Reconnexion</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdue</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>En échec</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Inconnu</translation>
    </message>
    <message>
        <source>video file %1</source>
        <translation>fichier vidéo %1</translation>
    </message>
    <message>
        <source>camera %1</source>
        <translation>caméra %1</translation>
    </message>
    <message>
        <source>image folder %1</source>
        <translation>dossier d’images %1</translation>
    </message>
    <message>
        <source>stream %1</source>
        <translation>flux %1</translation>
    </message>
</context>
<context>
    <name>fg::CameraView</name>
    <message>
        <source>Waiting for the camera…</source>
        <translation>En attente de la caméra…</translation>
    </message>
</context>
<context>
    <name>fg::DetCurvePlot</name>
    <message>
        <source>False match rate (FMR)</source>
        <translation>Taux de fausses correspondances (FMR)</translation>
    </message>
    <message>
        <source>False non-match rate (FNMR)</source>
        <translation>Taux de fausses non-correspondances (FNMR)</translation>
    </message>
    <message>
        <source>%1: FNMR %2</source>
        <translation>%1 : FNMR %2</translation>
    </message>
</context>
<context>
    <name>fg::DocumentReaderFiles</name>
    <message>
        <source>%1 holds %2 bytes, more than a photo may (%3)</source>
        <translation>%1 contient %2 octets, plus qu’une photo ne le peut (%3)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>%1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>%1 is not a photo FaceGate can read: %2</source>
        <translation>%1 n’est pas une photo que FaceGate sait lire : %2</translation>
    </message>
</context>
<context>
    <name>fg::FiguresCharts</name>
    <message>
        <source>Score distributions</source>
        <translation>Distributions des scores</translation>
    </message>
    <message>
        <source>Comparison score</source>
        <translation>Score de comparaison</translation>
    </message>
    <message>
        <source>Encounters</source>
        <translation>Passages</translation>
    </message>
    <message>
        <source>DET curve of the model</source>
        <translation>Courbe DET du modèle</translation>
    </message>
    <message>
        <source>False match rate (FMR)</source>
        <translation>Taux de fausses correspondances (FMR)</translation>
    </message>
    <message>
        <source>False non-match rate (FNMR)</source>
        <translation>Taux de fausses non-correspondances (FNMR)</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>Taux</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Pourcentage</translation>
    </message>
    <message>
        <source>Genuine (1 score)</source>
        <translation>Authentiques (1 score)</translation>
    </message>
    <message>
        <source>Genuine (%1 scores)</source>
        <translation>Authentiques (%1 scores)</translation>
    </message>
    <message>
        <source>Impostor (1 score, hatched)</source>
        <translation>Imposteurs (1 score, hachuré)</translation>
    </message>
    <message>
        <source>Impostor (%1 scores, hatched)</source>
        <translation>Imposteurs (%1 scores, hachurés)</translation>
    </message>
    <message>
        <source>Genuine: the score of each traveler whose identity was confirmed (solid bars).</source>
        <translation>Authentiques : le score de chaque voyageur dont l&apos;identité a été confirmée (barres pleines).</translation>
    </message>
    <message>
        <source>Impostor: the scores of other people in confirmed searches and of suspected impostors (hatched bars).</source>
        <translation>Imposteurs : les scores des autres personnes dans les recherches confirmées et des imposteurs présumés (barres hachurées).</translation>
    </message>
    <message>
        <source>Threshold %1</source>
        <translation>Seuil %1</translation>
    </message>
    <message>
        <source>Dashed line: the decision threshold %1 of the most recent encounter selected.</source>
        <translation>Ligne en tirets : le seuil de décision %1 du passage sélectionné le plus récent.</translation>
    </message>
    <message>
        <source>Threshold: none recorded</source>
        <translation>Seuil : aucun enregistré</translation>
    </message>
    <message>
        <source>No decision threshold is recorded in the encounters selected.</source>
        <translation>Aucun seuil de décision n&apos;est enregistré dans les passages sélectionnés.</translation>
    </message>
    <message>
        <source>No score in this selection.</source>
        <translation>Aucun score dans cette sélection.</translation>
    </message>
    <message>
        <source>Opt-out</source>
        <translation>Refus</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>Non-correspondance</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Correspondance</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>Rate (%)</source>
        <translation>Taux (%)</translation>
    </message>
    <message>
        <source>No calibration table for the model: the DET curve cannot be drawn.</source>
        <translation>Aucune table d&apos;étalonnage pour le modèle : la courbe DET ne peut pas être tracée.</translation>
    </message>
    <message>
        <source>DET curve</source>
        <translation>Courbe DET</translation>
    </message>
    <message>
        <source>Calibration: %1, %2 impostor pairs, measured %3.</source>
        <translation>Étalonnage : %1, %2 paires d&apos;imposteurs, mesuré le %3.</translation>
    </message>
    <message>
        <source>Square: the operating point of threshold %1, FMR %2, FNMR %3 %.</source>
        <translation>Carré : le point de fonctionnement au seuil %1, FMR %2, FNMR %3 %.</translation>
    </message>
    <message>
        <source>Threshold: no operating point</source>
        <translation>Seuil : aucun point de fonctionnement</translation>
    </message>
    <message>
        <source>The threshold %1 is outside the calibration table: no operating point.</source>
        <translation>Le seuil %1 est hors de la table d&apos;étalonnage : aucun point de fonctionnement.</translation>
    </message>
    <message>
        <source>No decision threshold recorded: no operating point.</source>
        <translation>Aucun seuil de décision enregistré : aucun point de fonctionnement.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>a rate in percent</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>aucune donnée</translation>
    </message>
</context>
<context>
    <name>fg::FiguresView</name>
    <message>
        <source>the model manifest names no recognition model</source>
        <translation>le manifeste des modèles ne désigne aucun modèle de reconnaissance</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <source>The first day counted (local time)</source>
        <translation>Le premier jour compté (heure locale)</translation>
    </message>
    <message>
        <source>The last day counted, included (local time)</source>
        <translation>Le dernier jour compté, inclus (heure locale)</translation>
    </message>
    <message>
        <source>&amp;Workstation</source>
        <translation>&amp;Poste</translation>
    </message>
    <message>
        <source>&amp;Camera</source>
        <translation>Ca&amp;méra</translation>
    </message>
    <message>
        <source>F&amp;light</source>
        <translation>&amp;Vol</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Tous</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>Travelers processed</source>
        <translation>Voyageurs traités</translation>
    </message>
    <message>
        <source>Capture rate</source>
        <translation>Taux de capture</translation>
    </message>
    <message>
        <source>Match rate</source>
        <translation>Taux de correspondance</translation>
    </message>
    <message>
        <source>No-match rate</source>
        <translation>Taux de non-correspondance</translation>
    </message>
    <message>
        <source>Opt-out rate</source>
        <translation>Taux de refus</translation>
    </message>
    <message>
        <source>Unusable captures</source>
        <translation>Captures inexploitables</translation>
    </message>
    <message>
        <source>Median time to decision</source>
        <translation>Délai médian de décision</translation>
    </message>
    <message>
        <source>95th percentile time to decision</source>
        <translation>Délai de décision au 95e centile</translation>
    </message>
    <message>
        <source>Sign in as a supervisor, an auditor or an administrator to see the port&apos;s figures.</source>
        <translation>Connectez-vous en tant que superviseur, auditeur ou administrateur pour voir les chiffres du point de passage.</translation>
    </message>
    <message>
        <source>The port&apos;s figures are for supervisors, auditors and administrators: %1 is signed in as %2.</source>
        <translation>Les chiffres du point de passage sont réservés aux superviseurs, auditeurs et administrateurs : %1 est connecté(e) en tant que %2.</translation>
    </message>
    <message>
        <source>The “until” day is before the “from” day: no encounter can be counted.</source>
        <translation>Le jour « au » précède le jour « du » : aucun passage ne peut être compté.</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>Les chiffres n&apos;ont pas pu être calculés : %1</translation>
    </message>
    <message>
        <source>%1 % (%2 of %3)</source>
        <translation>%1 % (%2 sur %3)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>aucune donnée</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 in scope (not exempt from biometrics)</source>
        <translation>%1 soumis à la biométrie (non exemptés)</translation>
    </message>
    <message>
        <source>photographed, of travelers in scope</source>
        <translation>photographiés, parmi les voyageurs soumis à la biométrie</translation>
    </message>
    <message>
        <source>matches, of travelers photographed</source>
        <translation>correspondances, parmi les voyageurs photographiés</translation>
    </message>
    <message>
        <source>no matches, of travelers photographed</source>
        <translation>non-correspondances, parmi les voyageurs photographiés</translation>
    </message>
    <message>
        <source>alternate procedures, of travelers processed</source>
        <translation>procédures alternatives, parmi les voyageurs traités</translation>
    </message>
    <message>
        <source>%1 poor quality · %2 no face</source>
        <translation>%1 qualité insuffisante · %2 aucun visage</translation>
    </message>
    <message>
        <source>captures that could not be compared</source>
        <translation>captures qui n&apos;ont pas pu être comparées</translation>
    </message>
    <message>
        <source>from the capture to the officer&apos;s action, over 1 decision</source>
        <translation>de la capture à l&apos;action de l&apos;agent, sur 1 décision</translation>
    </message>
    <message>
        <source>from the capture to the officer&apos;s action, over %1 decisions</source>
        <translation>de la capture à l&apos;action de l&apos;agent, sur %1 décisions</translation>
    </message>
    <message>
        <source>Presentation attacks caught</source>
        <translation>Attaques de présentation détectées</translation>
    </message>
    <message>
        <source>printed photos or screens, of 1 face assessed</source>
        <translation>photos imprimées ou écrans, sur 1 visage évalué</translation>
    </message>
    <message>
        <source>printed photos or screens, of %1 faces assessed</source>
        <translation>photos imprimées ou écrans, sur %1 visages évalués</translation>
    </message>
</context>
<context>
    <name>fg::FirstAdminDialog</name>
    <message>
        <source>FaceGate — first administrator</source>
        <translation>FaceGate — premier administrateur</translation>
    </message>
    <message>
        <source>This workstation has no users yet. Make the administrator account: choose a sign-in name and a password of at least %1 characters that does not contain the name. There is no default password.</source>
        <translation>Ce poste n&apos;a encore aucun utilisateur. Créez le compte administrateur : choisissez un nom de connexion et un mot de passe d&apos;au moins %1 caractères qui ne contient pas le nom. Il n&apos;y a pas de mot de passe par défaut.</translation>
    </message>
    <message>
        <source>Sign-in &amp;name</source>
        <translation>&amp;Nom de connexion</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nom &amp;complet</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>&amp;Répéter le mot de passe</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>Créer l&apos;&amp;administrateur</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>I have added the key — &amp;sign in</source>
        <translation>J&apos;ai ajouté la clé — &amp;se connecter</translation>
    </message>
    <message>
        <source>The two passwords differ; type the password again in both fields.</source>
        <translation>Les deux mots de passe diffèrent ; saisissez à nouveau le mot de passe dans les deux champs.</translation>
    </message>
    <message>
        <source>The administrator was not created: %1</source>
        <translation>L&apos;administrateur n&apos;a pas été créé : %1</translation>
    </message>
    <message>
        <source>Then sign in with the name, the password and the app&apos;s code.</source>
        <translation>Connectez-vous ensuite avec le nom, le mot de passe et le code de l&apos;application.</translation>
    </message>
</context>
<context>
    <name>fg::Inspection</name>
    <message>
        <source>the gallery of %1 is empty: nobody to match against</source>
        <translation>la galerie de %1 est vide : personne à qui comparer</translation>
    </message>
    <message>
        <source>the document photo of %1 gave no face template</source>
        <translation>la photo du document de %1 n&apos;a donné aucun gabarit facial</translation>
    </message>
    <message>
        <source>no reference chosen: load a flight&apos;s manifest (1:N) or a document photo (1:1)</source>
        <translation>aucune référence choisie : chargez le manifeste d&apos;un vol (1:N) ou la photo d&apos;un document (1:1)</translation>
    </message>
</context>
<context>
    <name>fg::InspectionDesk</name>
    <message>
        <source>Not decided: %1</source>
        <translation>Pas de décision : %1</translation>
    </message>
    <message>
        <source>The encounter could not be stored: %1</source>
        <translation>Le passage n&apos;a pas pu être enregistré : %1</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>Non enregistré : %1</translation>
    </message>
    <message>
        <source>Confirmed · encounter %1</source>
        <translation>Confirmé · passage %1</translation>
    </message>
    <message>
        <source>Overridden, sent to the supervisor&apos;s queue · encounter %1</source>
        <translation>Décision modifiée, transmise au superviseur · passage %1</translation>
    </message>
    <message>
        <source>Sent to secondary inspection · encounter %1</source>
        <translation>Orienté vers le contrôle approfondi · passage %1</translation>
    </message>
    <message>
        <source>Opt-out cannot be logged on this workstation: no records</source>
        <translation>Le refus ne peut pas être consigné sur ce poste : pas de registres</translation>
    </message>
    <message>
        <source>The photo taken before the opt-out could not be deleted: %1</source>
        <translation>La photo prise avant le refus n’a pas pu être supprimée : %1</translation>
    </message>
    <message>
        <source>%1 cannot take captures or record encounters: sign in as an officer</source>
        <translation>%1 ne peut ni prendre de captures ni enregistrer de passages : connectez-vous en tant qu’agent</translation>
    </message>
    <message>
        <source>No decision: %1</source>
        <translation>Aucune décision : %1</translation>
    </message>
    <message>
        <source>the matching service cannot be used (%1)</source>
        <translation>le service de comparaison ne peut pas être utilisé (%1)</translation>
    </message>
    <message>
        <source>no reference chosen: load a flight&apos;s manifest (1:N) or a document photo (1:1)</source>
        <translation>aucune référence choisie : chargez le manifeste d&apos;un vol (1:N) ou la photo d&apos;un document (1:1)</translation>
    </message>
    <message>
        <source>nothing was captured</source>
        <translation>rien n&apos;a été capturé</translation>
    </message>
    <message>
        <source>No decision: the matching service refused the capture (%1)</source>
        <translation>Aucune décision : le service de comparaison a refusé la capture (%1)</translation>
    </message>
    <message>
        <source>No decision: the matching service is unreachable (%1)</source>
        <translation>Aucune décision : le service de comparaison est injoignable (%1)</translation>
    </message>
    <message>
        <source>The traveler opted out: nothing is captured until Next traveler (Ctrl+N)</source>
        <translation>Le voyageur a refusé : rien n’est capturé avant Voyageur suivant (Ctrl+N)</translation>
    </message>
    <message>
        <source>The decision on screen was %1&apos;s: cleared for %2; capture the traveler again</source>
        <translation>La décision à l’écran était celle de %1 : effacée pour %2 ; capturez de nouveau le voyageur</translation>
    </message>
    <message>
        <source>The decision on screen was made against the previous reference: cleared; capture the traveler again</source>
        <translation>La décision à l’écran a été prise avec la référence précédente : effacée ; capturez de nouveau le voyageur</translation>
    </message>
    <message>
        <source>the records closed first</source>
        <translation>les registres ont été fermés avant</translation>
    </message>
    <message>
        <source>Storing the encounter…</source>
        <translation>Enregistrement du passage…</translation>
    </message>
    <message>
        <source>The encounter of the previous decision could not be stored: %1</source>
        <translation>Le passage de la décision précédente n&apos;a pas pu être enregistré : %1</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Enregistrement…</translation>
    </message>
    <message>
        <source>The action on encounter %1 was not recorded: %2</source>
        <translation>L&apos;action sur le passage %1 n&apos;a pas été enregistrée : %2</translation>
    </message>
</context>
<context>
    <name>fg::LiveAnalysis</name>
    <message>
        <source>checking the face models</source>
        <translation>vérification des modèles faciaux</translation>
    </message>
</context>
<context>
    <name>fg::MainWindow</name>
    <message>
        <source>FaceGate</source>
        <translation>FaceGate</translation>
    </message>
    <message>
        <source>Session locked</source>
        <translation>Session verrouillée</translation>
    </message>
    <message>
        <source>No reference: choose a flight (Ctrl+M) or a document photo (Ctrl+D)</source>
        <translation>Aucune référence : choisissez un vol (Ctrl+M) ou la photo d&apos;un document (Ctrl+D)</translation>
    </message>
    <message>
        <source>Analysis — ms</source>
        <translation>Analyse — ms</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>&amp;Référence</translation>
    </message>
    <message>
        <source>Flight &amp;manifest…</source>
        <translation>&amp;Manifeste du vol…</translation>
    </message>
    <message>
        <source>Flight manifest</source>
        <translation>Manifeste du vol</translation>
    </message>
    <message>
        <source>Manifests (*.csv)</source>
        <translation>Manifestes (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Document photo…</source>
        <translation>Photo du &amp;document…</translation>
    </message>
    <message>
        <source>Document photo</source>
        <translation>Photo du document</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)</source>
        <translation>Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>Capture from camera %1</source>
        <translation>Capturer avec la caméra %1</translation>
    </message>
    <message>
        <source>Capturing from camera %1 (%2)</source>
        <translation>Capture avec la caméra %1 (%2)</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Capturer</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmer</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Modifier la décision</translation>
    </message>
    <message>
        <source>Secondary</source>
        <translation>Contrôle approfondi</translation>
    </message>
    <message>
        <source>Next traveler</source>
        <translation>Voyageur suivant</translation>
    </message>
    <message>
        <source>Opt-out</source>
        <translation>Refus</translation>
    </message>
    <message>
        <source>Opt-out: camera stopped for this traveler</source>
        <translation>Refus : caméra arrêtée pour ce voyageur</translation>
    </message>
    <message>
        <source>Opt-out cancelled</source>
        <translation>Refus annulé</translation>
    </message>
    <message>
        <source>Automatic capture</source>
        <translation>Capture automatique</translation>
    </message>
    <message>
        <source>Automatic capture on</source>
        <translation>Capture automatique activée</translation>
    </message>
    <message>
        <source>Automatic capture off</source>
        <translation>Capture automatique désactivée</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Checkpoint officer</source>
        <translation>Agent de contrôle</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Auditeur</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrateur</translation>
    </message>
    <message>
        <source>Unknown role</source>
        <translation>Rôle inconnu</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 i/s</translation>
    </message>
    <message>
        <source>— fps</source>
        <translation>— i/s</translation>
    </message>
    <message>
        <source>Analysis %1 ms</source>
        <translation>Analyse %1 ms</translation>
    </message>
    <message>
        <source>Language not changed: %1</source>
        <translation>Langue inchangée : %1</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>Alternate procedure %1 logged · camera stopped until Next traveler (Ctrl+N)</source>
        <translation>Procédure alternative %1 enregistrée · caméra arrêtée jusqu’à Voyageur suivant (Ctrl+N)</translation>
    </message>
    <message>
        <source>The traveler opted out: capture resumes with Next traveler (Ctrl+N)</source>
        <translation>Le voyageur a refusé : la capture reprend avec Voyageur suivant (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>fg::MatchClient</name>
    <message>
        <source>no client certificate is configured</source>
        <translation>aucun certificat client n&apos;est configuré</translation>
    </message>
    <message>
        <source>client certificate %1 cannot be read: %2</source>
        <translation>le certificat client %1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>no client key is configured</source>
        <translation>aucune clé client n&apos;est configurée</translation>
    </message>
    <message>
        <source>client key %1 cannot be read: %2</source>
        <translation>la clé client %1 ne peut pas être lue : %2</translation>
    </message>
    <message>
        <source>no CA certificate is configured</source>
        <translation>aucun certificat d&apos;AC n&apos;est configuré</translation>
    </message>
    <message>
        <source>CA certificate %1 cannot be read: %2</source>
        <translation>le certificat d&apos;AC %1 ne peut pas être lu : %2</translation>
    </message>
    <message>
        <source>the matching service&apos;s address %1 is not an https address</source>
        <translation>l&apos;adresse %1 du service de comparaison n&apos;est pas une adresse https</translation>
    </message>
    <message>
        <source>client certificate %1 holds no PEM certificate</source>
        <translation>le certificat client %1 ne contient aucun certificat PEM</translation>
    </message>
    <message>
        <source>client key %1 holds no unencrypted PEM EC or RSA private key</source>
        <translation>la clé client %1 ne contient aucune clé privée PEM EC ou RSA non chiffrée</translation>
    </message>
    <message>
        <source>CA certificate %1 holds no PEM certificate</source>
        <translation>le certificat d&apos;AC %1 ne contient aucun certificat PEM</translation>
    </message>
    <message>
        <source>%1; loading gallery %2 again from %3 failed: %4</source>
        <translation>%1 ; le rechargement de la galerie %2 depuis %3 a échoué : %4</translation>
    </message>
    <message>
        <source>TLS error with %1: %2</source>
        <translation>erreur TLS avec %1 : %2</translation>
    </message>
    <message>
        <source>no answer from %1 within %2 s</source>
        <translation>aucune réponse de %1 en %2 s</translation>
    </message>
    <message>
        <source>the connection to %1 was refused</source>
        <translation>la connexion à %1 a été refusée</translation>
    </message>
    <message>
        <source>the service answered HTTP %1</source>
        <translation>le service a répondu HTTP %1</translation>
    </message>
    <message>
        <source>the service answered HTTP %1: %2</source>
        <translation>le service a répondu HTTP %1 : %2</translation>
    </message>
    <message>
        <source>the service&apos;s answer is not a JSON object</source>
        <translation>la réponse du service n&apos;est pas un objet JSON</translation>
    </message>
    <message>
        <source>the service&apos;s answer cannot be read: %1</source>
        <translation>la réponse du service ne peut pas être lue : %1</translation>
    </message>
    <message>
        <source>no known decision in it</source>
        <translation>aucune décision connue n&apos;y figure</translation>
    </message>
    <message>
        <source>no threshold in it</source>
        <translation>aucun seuil n&apos;y figure</translation>
    </message>
</context>
<context>
    <name>fg::MatchPanel</name>
    <message>
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Référence</translation>
    </message>
    <message>
        <source>Confirm (Enter)</source>
        <translation>Confirmer (Entrée)</translation>
    </message>
    <message>
        <source>Override… (Ctrl+O)</source>
        <translation>Modifier la décision… (Ctrl+O)</translation>
    </message>
    <message>
        <source>Secondary… (Ctrl+S)</source>
        <translation>Contrôle approfondi… (Ctrl+S)</translation>
    </message>
    <message>
        <source>Next traveler (Ctrl+N)</source>
        <translation>Voyageur suivant (Ctrl+N)</translation>
    </message>
    <message>
        <source>MATCH</source>
        <translation>CORRESPONDANCE</translation>
    </message>
    <message>
        <source>NO MATCH</source>
        <translation>AUCUNE CORRESPONDANCE</translation>
    </message>
    <message>
        <source>NO FACE</source>
        <translation>AUCUN VISAGE</translation>
    </message>
    <message>
        <source>POOR QUALITY</source>
        <translation>QUALITÉ INSUFFISANTE</translation>
    </message>
    <message>
        <source>Waiting for the traveler</source>
        <translation>En attente du voyageur</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>No capture</source>
        <translation>Aucune capture</translation>
    </message>
    <message>
        <source>Reference photo unavailable</source>
        <translation>Photo de référence indisponible</translation>
    </message>
    <message>
        <source>No reference</source>
        <translation>Aucune référence</translation>
    </message>
    <message>
        <source>Traveler %1</source>
        <translation>Voyageur %1</translation>
    </message>
    <message>
        <source>Nationality: %1</source>
        <translation>Nationalité : %1</translation>
    </message>
    <message>
        <source>Document: %1</source>
        <translation>Document : %1</translation>
    </message>
    <message>
        <source>Traveler id: %1</source>
        <translation>Identifiant du voyageur : %1</translation>
    </message>
    <message>
        <source>Shown: the closest gallery member, below the threshold</source>
        <translation>Affiché : la personne la plus proche de la galerie, sous le seuil</translation>
    </message>
    <message>
        <source>Quality: %1</source>
        <translation>Qualité : %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Override the decision</source>
        <translation>Modifier la décision</translation>
    </message>
    <message>
        <source>Why is the decision overridden? (required)</source>
        <translation>Pourquoi la décision est-elle modifiée ? (obligatoire)</translation>
    </message>
    <message>
        <source>Send to secondary inspection</source>
        <translation>Orienter vers le contrôle approfondi</translation>
    </message>
    <message>
        <source>Reason (optional):</source>
        <translation>Motif (facultatif) :</translation>
    </message>
    <message>
        <source>NO DECISION</source>
        <translation>AUCUNE DÉCISION</translation>
    </message>
    <message>
        <source>Not overridden: an override needs its reason.</source>
        <translation>Décision non modifiée : une modification doit être motivée.</translation>
    </message>
    <message>
        <source>Passport chip: %1</source>
        <translation>Puce du passeport : %1</translation>
    </message>
    <message>
        <source>The passport&apos;s chip is not genuine: the decision cannot be confirmed. Override it with a reason or send the traveler to secondary; the encounter is in the supervisor&apos;s queue.</source>
        <translation>La puce du passeport n’est pas authentique : la décision ne peut pas être confirmée. Passez outre en donnant un motif ou envoyez le voyageur en contrôle approfondi ; le passage est dans la file du superviseur.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>%1: not measured (%2)</source>
        <translation>%1 : non mesuré (%2)</translation>
    </message>
    <message>
        <source>Frames with a face: %1; without: %2</source>
        <translation>Images avec un visage : %1 ; sans : %2</translation>
    </message>
    <message>
        <source>Threshold calibrated on %1 at BPCER %2</source>
        <translation>Seuil calibré sur %1 à un BPCER de %2</translation>
    </message>
    <message>
        <source>Possible presentation attack (score %1, threshold %2)</source>
        <translation>Attaque de présentation possible (score %1, seuil %2)</translation>
    </message>
    <message>
        <source>Live face (score %1, threshold %2)</source>
        <translation>Visage vivant (score %1, seuil %2)</translation>
    </message>
    <message>
        <source>Presentation attack not assessed: %1</source>
        <translation>Attaque de présentation non évaluée : %1</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>aucune raison donnée</translation>
    </message>
    <message>
        <source>Possible presentation attack (a photo or a screen held up to the camera): the decision cannot be confirmed. Override it with a reason or send the traveler to secondary; the encounter is in the supervisor&apos;s queue.</source>
        <translation>Attaque de présentation possible (une photo ou un écran tenu devant la caméra) : la décision ne peut pas être confirmée. Passez outre en donnant un motif ou envoyez le voyageur en contrôle secondaire ; le passage est dans la file du superviseur.</translation>
    </message>
    <message>
        <source>Reading the reference photo…</source>
        <translation>Lecture de la photo de référence…</translation>
    </message>
</context>
<context>
    <name>fg::Mrz</name>
    <message>
        <source>input</source>
        <translation>saisie</translation>
    </message>
    <message>
        <source>line length</source>
        <translation>longueur de ligne</translation>
    </message>
    <message>
        <source>document code</source>
        <translation>code du document</translation>
    </message>
    <message>
        <source>issuing state</source>
        <translation>État émetteur</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nom</translation>
    </message>
    <message>
        <source>document number</source>
        <translation>numéro du document</translation>
    </message>
    <message>
        <source>document number check digit</source>
        <translation>chiffre de contrôle du numéro du document</translation>
    </message>
    <message>
        <source>nationality</source>
        <translation>nationalité</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>date de naissance</translation>
    </message>
    <message>
        <source>date of birth check digit</source>
        <translation>chiffre de contrôle de la date de naissance</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>sexe</translation>
    </message>
    <message>
        <source>date of expiry</source>
        <translation>date d&apos;expiration</translation>
    </message>
    <message>
        <source>date of expiry check digit</source>
        <translation>chiffre de contrôle de la date d&apos;expiration</translation>
    </message>
    <message>
        <source>personal number</source>
        <translation>numéro personnel</translation>
    </message>
    <message>
        <source>optional data (line 1)</source>
        <translation>données facultatives (ligne 1)</translation>
    </message>
    <message>
        <source>optional data</source>
        <translation>données facultatives</translation>
    </message>
    <message>
        <source>personal number check digit</source>
        <translation>chiffre de contrôle du numéro personnel</translation>
    </message>
    <message>
        <source>optional data (line 2)</source>
        <translation>données facultatives (ligne 2)</translation>
    </message>
    <message>
        <source>composite check digit</source>
        <translation>chiffre de contrôle composite</translation>
    </message>
    <message>
        <source>January</source>
        <translation>janvier</translation>
    </message>
    <message>
        <source>February</source>
        <translation>février</translation>
    </message>
    <message>
        <source>March</source>
        <translation>mars</translation>
    </message>
    <message>
        <source>April</source>
        <translation>avril</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mai</translation>
    </message>
    <message>
        <source>June</source>
        <translation>juin</translation>
    </message>
    <message>
        <source>July</source>
        <translation>juillet</translation>
    </message>
    <message>
        <source>August</source>
        <translation>août</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>octobre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>novembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>décembre</translation>
    </message>
    <message>
        <source>the date of birth %1 is not six digits YYMMDD</source>
        <translation>la date de naissance %1 n&apos;est pas composée de six chiffres AAMMJJ</translation>
    </message>
    <message>
        <source>the date of expiry %1 is not six digits YYMMDD</source>
        <translation>la date d&apos;expiration %1 n&apos;est pas composée de six chiffres AAMMJJ</translation>
    </message>
    <message>
        <source>the date of birth %1 is not a calendar date: there is no month %2</source>
        <translation>la date de naissance %1 n&apos;est pas une date valide : il n&apos;y a pas de mois %2</translation>
    </message>
    <message>
        <source>the date of expiry %1 is not a calendar date: there is no month %2</source>
        <translation>la date d&apos;expiration %1 n&apos;est pas une date valide : il n&apos;y a pas de mois %2</translation>
    </message>
    <message>
        <source>the date of birth %1 is not a calendar date: %2 %3 has no day %4</source>
        <translation>la date de naissance %1 n&apos;est pas une date valide : %2 %3 n&apos;a pas de jour %4</translation>
    </message>
    <message>
        <source>the date of expiry %1 is not a calendar date: %2 %3 has no day %4</source>
        <translation>la date d&apos;expiration %1 n&apos;est pas une date valide : %2 %3 n&apos;a pas de jour %4</translation>
    </message>
    <message>
        <source>the document code is missing</source>
        <translation>le code du document est absent</translation>
    </message>
    <message>
        <source>a passport&apos;s (TD3) document code starts with P, the MRZ has %1</source>
        <translation>le code d&apos;un passeport (TD3) commence par P ; la MRZ contient %1</translation>
    </message>
    <message>
        <source>a visa&apos;s document code starts with V, the MRZ has %1</source>
        <translation>le code d&apos;un visa commence par V ; la MRZ contient %1</translation>
    </message>
    <message>
        <source>a %1 card&apos;s document code starts with A, C or I, the MRZ has %2</source>
        <translation>le code d&apos;une carte %1 commence par A, C ou I ; la MRZ contient %2</translation>
    </message>
    <message>
        <source>V may not follow %1 in a card&apos;s document code (Doc 9303 keeps it for visas)</source>
        <translation>dans le code d&apos;une carte, V ne peut pas suivre %1 (le Doc 9303 le réserve aux visas)</translation>
    </message>
    <message>
        <source>the second character of the document code is a letter or &lt;, the MRZ has %1</source>
        <translation>le deuxième caractère du code du document est une lettre ou &lt; ; la MRZ contient %1</translation>
    </message>
    <message>
        <source>the issuing state is not given (only fillers)</source>
        <translation>l&apos;État émetteur n&apos;est pas indiqué (uniquement des caractères de remplissage)</translation>
    </message>
    <message>
        <source>the nationality is not given (only fillers)</source>
        <translation>la nationalité n&apos;est pas indiquée (uniquement des caractères de remplissage)</translation>
    </message>
    <message>
        <source>the issuing state %1 holds the digit %2; a state code is letters (e.g. UTO, D&lt;&lt;)</source>
        <translation>l&apos;État émetteur %1 contient le chiffre %2 ; un code d&apos;État est composé de lettres (p. ex. UTO, D&lt;&lt;)</translation>
    </message>
    <message>
        <source>the nationality %1 holds the digit %2; a state code is letters (e.g. UTO, D&lt;&lt;)</source>
        <translation>la nationalité %1 contient le chiffre %2 ; un code d&apos;État est composé de lettres (p. ex. UTO, D&lt;&lt;)</translation>
    </message>
    <message>
        <source>the issuing state %1 has a filler before a letter; a state code is letters filled at the end with &lt;</source>
        <translation>l&apos;État émetteur %1 a un caractère de remplissage avant une lettre ; un code d&apos;État est composé de lettres, complétées à la fin par &lt;</translation>
    </message>
    <message>
        <source>the nationality %1 has a filler before a letter; a state code is letters filled at the end with &lt;</source>
        <translation>la nationalité %1 a un caractère de remplissage avant une lettre ; un code d&apos;État est composé de lettres, complétées à la fin par &lt;</translation>
    </message>
    <message>
        <source>the sex is M, F, X or &lt; (unspecified), the MRZ has %1</source>
        <translation>le sexe est M, F, X ou &lt; (non précisé) ; la MRZ contient %1</translation>
    </message>
    <message>
        <source>the document number is empty (only fillers)</source>
        <translation>le numéro du document est vide (uniquement des caractères de remplissage)</translation>
    </message>
    <message>
        <source>the name is empty (only fillers)</source>
        <translation>le nom est vide (uniquement des caractères de remplissage)</translation>
    </message>
    <message>
        <source>the name %1 holds the digit %2; a name is letters and fillers</source>
        <translation>le nom %1 contient le chiffre %2 ; un nom est composé de lettres et de caractères de remplissage</translation>
    </message>
    <message>
        <source>the name starts with a filler; it starts with the primary identifier</source>
        <translation>le nom commence par un caractère de remplissage ; il doit commencer par l&apos;identifiant principal</translation>
    </message>
    <message>
        <source>the name has three or more fillers in a row before its end</source>
        <translation>le nom contient trois caractères de remplissage consécutifs ou plus avant sa fin</translation>
    </message>
    <message>
        <source>the name has more than one &lt;&lt; separator; only the primary and secondary identifiers are separated by &lt;&lt;</source>
        <translation>le nom contient plus d&apos;un séparateur &lt;&lt; ; seuls les identifiants principal et secondaire sont séparés par &lt;&lt;</translation>
    </message>
    <message>
        <source>the date of birth %1 is partly unknown (the whole date written as fillers)</source>
        <translation>la date de naissance %1 est partiellement inconnue (toute la date est écrite en caractères de remplissage)</translation>
    </message>
    <message>
        <source>the date of birth %1 is partly unknown (month and day written as fillers)</source>
        <translation>la date de naissance %1 est partiellement inconnue (le mois et le jour sont écrits en caractères de remplissage)</translation>
    </message>
    <message>
        <source>the date of birth %1 is partly unknown (day written as fillers)</source>
        <translation>la date de naissance %1 est partiellement inconnue (le jour est écrit en caractères de remplissage)</translation>
    </message>
    <message>
        <source>the MRZ is empty</source>
        <translation>la MRZ est vide</translation>
    </message>
    <message>
        <source>the text is %1 characters long; an MRZ has at most 90</source>
        <translation>le texte compte %1 caractères ; une MRZ en compte au plus 90</translation>
    </message>
    <message>
        <source>line count</source>
        <translation>nombre de lignes</translation>
    </message>
    <message>
        <source>one line of %1 characters; an MRZ has 2 lines of 44 characters (passport, visa MRV-A), 2 of 36 (TD2 card, visa MRV-B) or 3 of 30 (TD1 card); a reader&apos;s single line has 88, 72 or 90</source>
        <translation>une ligne de %1 caractères ; une MRZ a 2 lignes de 44 caractères (passeport, visa MRV-A), 2 de 36 (carte TD2, visa MRV-B) ou 3 de 30 (carte TD1) ; la ligne unique d&apos;un lecteur en a 88, 72 ou 90</translation>
    </message>
    <message>
        <source>%1 lines; an MRZ has 2 lines of 44 characters (passport, visa MRV-A), 2 of 36 (TD2 card, visa MRV-B) or 3 of 30 (TD1 card); a reader&apos;s single line has 88, 72 or 90</source>
        <translation>%1 lignes ; une MRZ a 2 lignes de 44 caractères (passeport, visa MRV-A), 2 de 36 (carte TD2, visa MRV-B) ou 3 de 30 (carte TD1) ; la ligne unique d&apos;un lecteur en a 88, 72 ou 90</translation>
    </message>
    <message>
        <source>2 lines of 30 characters: a TD1 card has 3 lines of 30, one is missing</source>
        <translation>2 lignes de 30 caractères : une carte TD1 a 3 lignes de 30, il en manque une</translation>
    </message>
    <message>
        <source>%1 for %2 at column %3</source>
        <translation>%1 au lieu de %2 en colonne %3</translation>
    </message>
    <message>
        <source>a space</source>
        <translation>une espace</translation>
    </message>
    <message>
        <source>a tab</source>
        <translation>une tabulation</translation>
    </message>
    <message>
        <source>check digit of the date of birth is %1, the MRZ says %2</source>
        <translation>le chiffre de contrôle de la date de naissance est %1, la MRZ indique %2</translation>
    </message>
    <message>
        <source>check digit of the date of expiry is %1, the MRZ says %2</source>
        <translation>le chiffre de contrôle de la date d&apos;expiration est %1, la MRZ indique %2</translation>
    </message>
    <message>
        <source>did you mean %1 instead of %2 (%3)?</source>
        <translation>vouliez-vous dire %1 au lieu de %2 (%3) ?</translation>
    </message>
    <message>
        <source>line %1 has %2 characters; a %3 line has %4</source>
        <translation>la ligne %1 compte %2 caractères ; une ligne %3 en compte %4</translation>
    </message>
    <message>
        <source>line %1 length</source>
        <translation>longueur de la ligne %1</translation>
    </message>
    <message>
        <source>line %1, column %2 (%3): %4 is not an MRZ character (A-Z, 0-9 and &lt;)</source>
        <translation>ligne %1, colonne %2 (%3) : %4 n&apos;est pas un caractère de MRZ (A-Z, 0-9 et &lt;)</translation>
    </message>
    <message numerus="yes">
        <source>%n more characters are outside A-Z, 0-9 and &lt;</source>
        <translation>
            <numerusform>%n autre caractère est hors de A-Z, 0-9 et &lt;</numerusform>
            <numerusform>%n autres caractères sont hors de A-Z, 0-9 et &lt;</numerusform>
        </translation>
    </message>
    <message>
        <source>characters</source>
        <translation>caractères</translation>
    </message>
    <message>
        <source>check digit of the document number is %1, the MRZ says %2</source>
        <translation>le chiffre de contrôle du numéro du document est %1, la MRZ indique %2</translation>
    </message>
    <message>
        <source>the document number check digit is &lt;, which means the number continues in the optional data (Part 5, 4.2.4), but the number does not fill columns 6 to 14</source>
        <translation>le chiffre de contrôle du numéro du document est &lt;, ce qui signifie que le numéro se poursuit dans les données facultatives (partie 5, 4.2.4), mais le numéro n&apos;occupe pas les colonnes 6 à 14</translation>
    </message>
    <message>
        <source>the document number check digit is &lt;, which means the number continues in the optional data (Part 5, 4.2.4), but the optional data does not continue it with at least one character and a check digit</source>
        <translation>le chiffre de contrôle du numéro du document est &lt;, ce qui signifie que le numéro se poursuit dans les données facultatives (partie 5, 4.2.4), mais les données facultatives ne le poursuivent pas avec au moins un caractère et un chiffre de contrôle</translation>
    </message>
    <message>
        <source>check digit of the personal number is %1, the MRZ says %2</source>
        <translation>le chiffre de contrôle du numéro personnel est %1, la MRZ indique %2</translation>
    </message>
    <message>
        <source>composite check digit is %1, the MRZ says %2 (it covers a field found at fault above)</source>
        <translation>le chiffre de contrôle composite est %1, la MRZ indique %2 (il couvre un champ signalé en erreur ci-dessus)</translation>
    </message>
    <message>
        <source>composite check digit is %1, the MRZ says %2; the other check digits hold, so the optional data (line 1 or line 2) or this digit is misread</source>
        <translation>le chiffre de contrôle composite est %1, la MRZ indique %2 ; les autres chiffres de contrôle sont justes, donc les données facultatives (ligne 1 ou ligne 2) ou ce chiffre ont été mal lus</translation>
    </message>
    <message>
        <source>composite check digit is %1, the MRZ says %2; the other check digits hold, so the optional data or this digit is misread</source>
        <translation>le chiffre de contrôle composite est %1, la MRZ indique %2 ; les autres chiffres de contrôle sont justes, donc les données facultatives ou ce chiffre ont été mal lus</translation>
    </message>
    <message>
        <source>composite check digit is %1, the MRZ says %2; the other check digits hold, so this digit is misread</source>
        <translation>le chiffre de contrôle composite est %1, la MRZ indique %2 ; les autres chiffres de contrôle sont justes, donc ce chiffre a été mal lu</translation>
    </message>
    <message>
        <source>the date of birth %1 holds %2 at column %3; a date is six digits YYMMDD</source>
        <translation>la date de naissance %1 contient %2 en colonne %3 ; une date est composée de six chiffres AAMMJJ</translation>
    </message>
    <message>
        <source>the date of expiry %1 holds %2 at column %3; a date is six digits YYMMDD</source>
        <translation>la date d&apos;expiration %1 contient %2 en colonne %3 ; une date est composée de six chiffres AAMMJJ</translation>
    </message>
    <message>
        <source>the date of expiry %1 is before the date of birth %2</source>
        <translation>la date d&apos;expiration %1 est antérieure à la date de naissance %2</translation>
    </message>
    <message>
        <source>the document expired on %1 (today is %2)</source>
        <translation>le document a expiré le %1 (nous sommes le %2)</translation>
    </message>
    <message>
        <source>reference date</source>
        <translation>date de référence</translation>
    </message>
    <message>
        <source>today&apos;s date is not valid: the dates are not resolved and expiry is not checked</source>
        <translation>la date du jour n&apos;est pas valide : les dates ne sont pas résolues et l&apos;expiration n&apos;est pas vérifiée</translation>
    </message>
</context>
<context>
    <name>fg::OptOutDialog</name>
    <message>
        <source>passport</source>
        <translation>passeport</translation>
    </message>
    <message>
        <source>identity card</source>
        <translation>carte d&apos;identité</translation>
    </message>
    <message>
        <source>visa</source>
        <translation>visa</translation>
    </message>
    <message>
        <source>document</source>
        <translation>document</translation>
    </message>
    <message>
        <source>The document photo shows the traveler</source>
        <translation>La photo du document montre le voyageur</translation>
    </message>
    <message>
        <source>The data page agrees with the MRZ</source>
        <translation>La page de données concorde avec la MRZ</translation>
    </message>
    <message>
        <source>Security features present (hologram, UV, microprint)</source>
        <translation>Éléments de sécurité présents (hologramme, UV, microimpression)</translation>
    </message>
    <message>
        <source>No sign of tampering (laminate, pages, stitching)</source>
        <translation>Aucun signe de falsification (laminage, pages, couture)</translation>
    </message>
    <message>
        <source>The document has not expired</source>
        <translation>Le document n&apos;a pas expiré</translation>
    </message>
    <message>
        <source>Opt-out: manual document verification</source>
        <translation>Refus : vérification manuelle du document</translation>
    </message>
    <message>
        <source>The traveler declined the photo. No photo is taken or kept; verify the document by hand and log the alternate procedure.</source>
        <translation>Le voyageur a refusé la photo. Aucune photo n&apos;est prise ni conservée ; vérifiez le document manuellement et consignez la procédure alternative.</translation>
    </message>
    <message>
        <source>&amp;MRZ</source>
        <translation>&amp;MRZ</translation>
    </message>
    <message>
        <source>Type, paste or scan the machine-readable zone</source>
        <translation>Saisissez, collez ou scannez la zone de lecture automatique</translation>
    </message>
    <message>
        <source>&amp;Apply suggestion</source>
        <translation>&amp;Appliquer la suggestion</translation>
    </message>
    <message>
        <source>from the MRZ, or as on the document</source>
        <translation>d&apos;après la MRZ, ou comme sur le document</translation>
    </message>
    <message>
        <source>required unless verified</source>
        <translation>obligatoire sauf si vérifié</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Vérifié</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>Non vérifié</translation>
    </message>
    <message>
        <source>Referred to secondary</source>
        <translation>Orienté vers le contrôle approfondi</translation>
    </message>
    <message>
        <source>Visual checks</source>
        <translation>Contrôles visuels</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>non effectué</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>réussi</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échoué</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>sans objet</translation>
    </message>
    <message>
        <source>&amp;Nationality</source>
        <translation>&amp;Nationalité</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>&amp;Résultat</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>Mo&amp;tif</translation>
    </message>
    <message>
        <source>&amp;Log alternate procedure</source>
        <translation>&amp;Consigner la procédure alternative</translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation>✗ %1</translation>
    </message>
    <message>
        <source>! %1</source>
        <translation>! %1</translation>
    </message>
    <message>
        <source>    %1</source>
        <translation>    %1</translation>
    </message>
    <message>
        <source>✓ The MRZ is correct.</source>
        <translation>✓ La MRZ est correcte.</translation>
    </message>
    <message>
        <source>%1 · %2 · issued by %3</source>
        <translation>%1 · %2 · délivré par %3</translation>
    </message>
    <message>
        <source>Name: %1 %2</source>
        <translation>Nom : %1 %2</translation>
    </message>
    <message>
        <source>Document number: %1 · nationality %2</source>
        <translation>Numéro du document : %1 · nationalité %2</translation>
    </message>
    <message>
        <source>Born %1 · sex %2 · expires %3</source>
        <translation>Né(e) le %1 · sexe %2 · expire le %3</translation>
    </message>
    <message>
        <source>Not logged: the MRZ could not be read; type it as printed on the document.</source>
        <translation>Non consigné : la MRZ n&apos;a pas pu être lue ; saisissez-la telle qu&apos;elle est imprimée sur le document.</translation>
    </message>
    <message>
        <source>Not logged: %1</source>
        <translation>Non consigné : %1</translation>
    </message>
    <message>
        <source>Not logged: the MRZ has errors (above); correct it, or log the document as not verified with the reason.</source>
        <translation>Non consigné : la MRZ contient des erreurs (ci-dessus) ; corrigez-la, ou consignez le document comme non vérifié avec le motif.</translation>
    </message>
    <message>
        <source>The data page agrees with the chip</source>
        <translation>La page de données concorde avec la puce</translation>
    </message>
    <message>
        <source>The chip proves the document genuine</source>
        <translation>La puce prouve que le document est authentique</translation>
    </message>
    <message>
        <source>Not logged: the passport&apos;s chip is not genuine; log the document as not verified or refer the traveler to secondary, with the reason.</source>
        <translation>Non consigné : la puce du passeport n’est pas authentique ; consignez le document comme non vérifié ou envoyez le voyageur en contrôle approfondi, avec le motif.</translation>
    </message>
</context>
<context>
    <name>fg::PasswordPolicy</name>
    <message>
        <source>the password is not valid UTF-8 text</source>
        <translation>le mot de passe n&apos;est pas un texte UTF-8 valide</translation>
    </message>
    <message>
        <source>the password is too short: it must have at least %1 characters (it has %2)</source>
        <translation>le mot de passe est trop court : il doit compter au moins %1 caractères (il en a %2)</translation>
    </message>
    <message>
        <source>the password is too long: it may have at most %1 characters</source>
        <translation>le mot de passe est trop long : il peut compter au plus %1 caractères</translation>
    </message>
    <message>
        <source>the password must not contain the user name &quot;%1&quot;</source>
        <translation>le mot de passe ne doit pas contenir le nom d&apos;utilisateur « %1 »</translation>
    </message>
    <message>
        <source>at least %1 characters, not containing the user name</source>
        <translation>au moins %1 caractères, sans le nom d&apos;utilisateur</translation>
    </message>
</context>
<context>
    <name>fg::QualityWords</name>
    <message>
        <source>too far</source>
        <translation>trop loin</translation>
    </message>
    <message>
        <source>turn head</source>
        <translation>tournez la tête</translation>
    </message>
    <message>
        <source>look straight</source>
        <translation>regardez droit devant</translation>
    </message>
    <message>
        <source>straighten head</source>
        <translation>redressez la tête</translation>
    </message>
    <message>
        <source>blurred</source>
        <translation>floue</translation>
    </message>
    <message>
        <source>too dark</source>
        <translation>trop sombre</translation>
    </message>
    <message>
        <source>too bright</source>
        <translation>trop claire</translation>
    </message>
    <message>
        <source>eyes closed</source>
        <translation>yeux fermés</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) in view</source>
        <translation>
            <numerusform>%n visage visible</numerusform>
            <numerusform>%n visages visibles</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fg::QueuePanel</name>
    <message>
        <source>The no-match queue is for supervisors and auditors.</source>
        <translation>La file d&apos;attente des non-correspondances est réservée aux superviseurs et aux auditeurs.</translation>
    </message>
    <message>
        <source>The queue could not be read: %1</source>
        <translation>La file d&apos;attente n&apos;a pas pu être lue : %1</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>&amp;Motif</translation>
    </message>
    <message>
        <source>S&amp;tate</source>
        <translation>É&amp;tat</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Entrée</translation>
    </message>
    <message>
        <source>&amp;Flight</source>
        <translation>&amp;Vol</translation>
    </message>
    <message>
        <source>Ca&amp;mera</source>
        <translation>C&amp;améra</translation>
    </message>
    <message>
        <source>&amp;Officer</source>
        <translation>A&amp;gent</translation>
    </message>
    <message>
        <source>any flight</source>
        <translation>tout vol</translation>
    </message>
    <message>
        <source>any camera</source>
        <translation>toute caméra</translation>
    </message>
    <message>
        <source>any officer (user name)</source>
        <translation>tout agent (nom d&apos;utilisateur)</translation>
    </message>
    <message>
        <source>every reason</source>
        <translation>tous les motifs</translation>
    </message>
    <message>
        <source>open or claimed</source>
        <translation>ouvert ou pris en charge</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>claimed</source>
        <translation>pris en charge</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>résolu</translation>
    </message>
    <message>
        <source>any state</source>
        <translation>tout état</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>à tout moment</translation>
    </message>
    <message>
        <source>in the last 24 hours</source>
        <translation>au cours des dernières 24 heures</translation>
    </message>
    <message>
        <source>in the last 7 days</source>
        <translation>au cours des 7 derniers jours</translation>
    </message>
    <message>
        <source>in the last 30 days</source>
        <translation>au cours des 30 derniers jours</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ &amp;Précédente</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Suivante ▶</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Actualiser (F5)</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>&amp;Examiner…</translation>
    </message>
    <message>
        <source>&amp;Claim and review (Ctrl+K)</source>
        <translation>Prendre en c&amp;harge et examiner (Ctrl+K)</translation>
    </message>
    <message>
        <source>No items match.</source>
        <translation>Aucun élément ne correspond.</translation>
    </message>
    <message>
        <source>Items %1–%2 of %3 · page %4 of %5</source>
        <translation>Éléments %1–%2 sur %3 · page %4 sur %5</translation>
    </message>
</context>
<context>
    <name>fg::QueueTableModel</name>
    <message>
        <source>Waiting</source>
        <translation>Attente</translation>
    </message>
    <message>
        <source>Entered the queue</source>
        <translation>Entrée dans la file d&apos;attente</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Flight</source>
        <translation>Vol</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <source>overdue · %1</source>
        <translation>en retard · %1</translation>
    </message>
    <message>
        <source>claimed by %1</source>
        <translation>pris en charge par %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>aucun</translation>
    </message>
    <message>
        <source>%1 (threshold %2)</source>
        <translation>%1 (seuil %2)</translation>
    </message>
    <message>
        <source>sent to secondary by the officer</source>
        <translation>orienté vers le contrôle approfondi par l&apos;agent</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>non-correspondance</translation>
    </message>
    <message>
        <source>poor quality</source>
        <translation>qualité insuffisante</translation>
    </message>
    <message>
        <source>officer override</source>
        <translation>décision modifiée par l&apos;agent</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>claimed</source>
        <translation>pris en charge</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>résolu</translation>
    </message>
    <message>
        <source>identity confirmed (false non-match)</source>
        <translation>identité confirmée (fausse non-correspondance)</translation>
    </message>
    <message>
        <source>referred to secondary inspection</source>
        <translation>orienté vers le contrôle approfondi</translation>
    </message>
    <message>
        <source>suspected impostor</source>
        <translation>imposteur présumé</translation>
    </message>
    <message>
        <source>capture problem (lighting, camera, pose)</source>
        <translation>problème de capture (éclairage, caméra, pose)</translation>
    </message>
    <message>
        <source>no decision</source>
        <translation>aucune décision</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>moins d&apos;une minute</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 j %2 h</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>document not genuine (chip)</source>
        <translation>document non authentique (puce)</translation>
    </message>
    <message>
        <source>presentation attack (photo or screen)</source>
        <translation>attaque de présentation (photo ou écran)</translation>
    </message>
</context>
<context>
    <name>fg::ReferenceLoader</name>
    <message>
        <source>line %1 (%2): %3</source>
        <translation>ligne %1 (%2) : %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
</context>
<context>
    <name>fg::ReportBuilder</name>
    <message>
        <source>no match</source>
        <translation>non-correspondance</translation>
    </message>
    <message>
        <source>poor quality</source>
        <translation>qualité insuffisante</translation>
    </message>
    <message>
        <source>officer&apos;s override or referral</source>
        <translation>décision modifiée ou orientation par l&apos;agent</translation>
    </message>
    <message>
        <source>open</source>
        <translation>ouvert</translation>
    </message>
    <message>
        <source>claimed</source>
        <translation>pris en charge</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>résolu</translation>
    </message>
    <message>
        <source>identity confirmed</source>
        <translation>identité confirmée</translation>
    </message>
    <message>
        <source>secondary inspection</source>
        <translation>contrôle approfondi</translation>
    </message>
    <message>
        <source>suspected impostor</source>
        <translation>imposteur présumé</translation>
    </message>
    <message>
        <source>capture problem</source>
        <translation>problème de capture</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>vérifié</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>non vérifié</translation>
    </message>
    <message>
        <source>referred to secondary</source>
        <translation>orienté vers le contrôle approfondi</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>entrée</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>sortie</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>point de contrôle</translation>
    </message>
    <message>
        <source>match</source>
        <translation>correspondance</translation>
    </message>
    <message>
        <source>no face</source>
        <translation>aucun visage</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>photo</translation>
    </message>
    <message>
        <source>template</source>
        <translation>gabarit</translation>
    </message>
    <message>
        <source>the reports are for supervisors, auditors and administrators; this user&apos;s role is %1</source>
        <translation>les rapports sont réservés aux superviseurs, auditeurs et administrateurs ; le rôle de cet utilisateur est %1</translation>
    </message>
    <message>
        <source>From %1 to %2 (UTC, the end excluded)</source>
        <translation>Du %1 au %2 (UTC, fin exclue)</translation>
    </message>
    <message>
        <source>From %1 on (UTC)</source>
        <translation>À partir du %1 (UTC)</translation>
    </message>
    <message>
        <source>Before %1 (UTC)</source>
        <translation>Avant le %1 (UTC)</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Toutes les dates</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Élément</translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>Entered queue</source>
        <translation>Entrée dans la file d&apos;attente</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motif</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>Pris en charge par</translation>
    </message>
    <message>
        <source>Flight</source>
        <translation>Vol</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Superviseur</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>Décidé le</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Items that entered the queue: %1 (%2)</source>
        <translation>Éléments entrés dans la file d&apos;attente : %1 (%2)</translation>
    </message>
    <message>
        <source>Their state now: %1</source>
        <translation>Leur état actuel : %1</translation>
    </message>
    <message>
        <source>Supervisors&apos; decisions: %1 (%2)</source>
        <translation>Décisions des superviseurs : %1 (%2)</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procédure</translation>
    </message>
    <message>
        <source>Logged at</source>
        <translation>Consignée le</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Camera or lane</source>
        <translation>Caméra ou file</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <source>Document kind</source>
        <translation>Type de document</translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation>État émetteur</translation>
    </message>
    <message>
        <source>Failed checks</source>
        <translation>Contrôles échoués</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Résultat</translation>
    </message>
    <message>
        <source>Alternate procedures: %1 (%2)</source>
        <translation>Procédures alternatives : %1 (%2)</translation>
    </message>
    <message>
        <source>By officer: %1</source>
        <translation>Par agent : %1</translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation>Supprimé le</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Objet</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Enregistrement</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Règle</translation>
    </message>
    <message>
        <source>Verified at</source>
        <translation>Vérifié le</translation>
    </message>
    <message>
        <source>Due at</source>
        <translation>Échéance</translation>
    </message>
    <message>
        <source>Deleted by</source>
        <translation>Supprimé par</translation>
    </message>
    <message>
        <source>Records deleted: %1</source>
        <translation>Enregistrements supprimés : %1</translation>
    </message>
    <message>
        <source>Photos deleted by rule %1: %2</source>
        <translation>Photos supprimées selon la règle %1 : %2</translation>
    </message>
    <message>
        <source>Templates deleted by rule %1: %2</source>
        <translation>Gabarits supprimés selon la règle %1 : %2</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Événement</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Auteur</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Sujet</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalité</translation>
    </message>
    <message>
        <source>Key accesses: %1</source>
        <translation>Accès à la clé : %1</translation>
    </message>
    <message>
        <source>By action: %1</source>
        <translation>Par action : %1</translation>
    </message>
    <message>
        <source>By actor: %1</source>
        <translation>Par auteur : %1</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Détails</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>Événements : %1</translation>
    </message>
    <message>
        <source>Hash chain of the whole log: intact (%1 events)</source>
        <translation>Chaîne de hachage de tout le journal : intacte (%1 événements)</translation>
    </message>
    <message>
        <source>Hash chain of the whole log: BROKEN at event %1: %2</source>
        <translation>Chaîne de hachage de tout le journal : ROMPUE à l&apos;événement %1 : %2</translation>
    </message>
    <message>
        <source>Hash chain of the whole log: NOT VERIFIED (no audit key)</source>
        <translation>Chaîne de hachage de tout le journal : NON VÉRIFIÉE (pas de clé d&apos;audit)</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Décision</translation>
    </message>
    <message>
        <source>Purge attestation</source>
        <translation>Attestation de purge</translation>
    </message>
    <message>
        <source>no attestation recorded</source>
        <translation>aucune attestation enregistrée</translation>
    </message>
    <message>
        <source>Partner submissions: %1</source>
        <translation>Transmissions aux partenaires : %1</translation>
    </message>
    <message>
        <source>By partner: %1</source>
        <translation>Par partenaire : %1</translation>
    </message>
    <message>
        <source>No-match queue and resolutions</source>
        <translation>File d&apos;attente des non-correspondances et résolutions</translation>
    </message>
    <message>
        <source>Alternate procedures</source>
        <translation>Procédures alternatives</translation>
    </message>
    <message>
        <source>Deletions</source>
        <translation>Suppressions</translation>
    </message>
    <message>
        <source>Key accesses</source>
        <translation>Accès à la clé</translation>
    </message>
    <message>
        <source>Partner submissions without a purge attestation</source>
        <translation>Transmissions aux partenaires sans attestation de purge</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Journal d&apos;audit</translation>
    </message>
    <message>
        <source>user %1 is disabled</source>
        <translation>l&apos;utilisateur %1 est désactivé</translation>
    </message>
    <message>
        <source>the period ends (%2) before it starts (%1)</source>
        <translation>la période se termine (%2) avant de commencer (%1)</translation>
    </message>
    <message>
        <source>Listed: no purge attestation %1 h after verification (verified before %2 UTC)</source>
        <translation>Listées : sans attestation de purge %1 h après la vérification (vérifiées avant le %2 UTC)</translation>
    </message>
    <message>
        <source>Without a purge attestation after %1 h: %2</source>
        <translation>Sans attestation de purge après %1 h : %2</translation>
    </message>
    <message>
        <source>Not attested yet but still within the %1 h allowed: %2</source>
        <translation>Pas encore attestées, mais encore dans les %1 h permises : %2</translation>
    </message>
    <message>
        <source>document not genuine (chip)</source>
        <translation>document non authentique (puce)</translation>
    </message>
    <message>
        <source>presentation attack (photo or screen)</source>
        <translation>attaque de présentation (photo ou écran)</translation>
    </message>
</context>
<context>
    <name>fg::ReportPdf</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation>rien n&apos;a été écrit</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>page %1 sur %2</translation>
    </message>
    <message>
        <source>the PDF could not be started</source>
        <translation>le PDF n’a pas pu être commencé</translation>
    </message>
</context>
<context>
    <name>fg::ReportsPanel</name>
    <message>
        <source>&amp;Report</source>
        <translation>Ra&amp;pport</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Du</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Au</translation>
    </message>
    <message>
        <source>R&amp;efresh</source>
        <translation>Ac&amp;tualiser</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exporter en C&amp;SV…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>Exporter en PD&amp;F…</translation>
    </message>
    <message>
        <source>The report could not be built: %1</source>
        <translation>Le rapport n&apos;a pas pu être établi : %1</translation>
    </message>
    <message>
        <source>Sign in as a supervisor, auditor or administrator to see the reports.</source>
        <translation>Connectez-vous en tant que superviseur, auditeur ou administrateur pour voir les rapports.</translation>
    </message>
    <message>
        <source>The reports are not shown: the account %1 is disabled.</source>
        <translation>Les rapports ne sont pas affichés : le compte %1 est désactivé.</translation>
    </message>
    <message>
        <source>The reports are for supervisors, auditors and administrators; %1 is signed in as %2.</source>
        <translation>Les rapports sont réservés aux superviseurs, auditeurs et administrateurs ; %1 est connecté(e) en tant que %2.</translation>
    </message>
    <message>
        <source>nobody allowed to read the reports is signed in</source>
        <translation>aucune personne autorisée à lire les rapports n&apos;est connectée</translation>
    </message>
    <message>
        <source>The first %1 of %2 rows are shown; the exports hold them all.</source>
        <translation>Les %1 premières lignes sur %2 sont affichées ; les exports les contiennent toutes.</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 ligne</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 lignes</translation>
    </message>
    <message>
        <source>Not exported to %1: %2</source>
        <translation>Non exporté vers %1 : %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Impossible d&apos;écrire %1 : %2</translation>
    </message>
    <message>
        <source>%1 · exported %2 by %3</source>
        <translation>%1 · exporté le %2 par %3</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>Exporter le rapport en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Fichiers CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Exporter le rapport en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Fichiers PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>Exporté : %1 vers %2.</translation>
    </message>
</context>
<context>
    <name>fg::ReviewDialog</name>
    <message>
        <source>none recorded</source>
        <translation>aucune enregistrée</translation>
    </message>
    <message>
        <source>confirmed the decision</source>
        <translation>a confirmé la décision</translation>
    </message>
    <message>
        <source>overrode the decision</source>
        <translation>a modifié la décision</translation>
    </message>
    <message>
        <source>sent the traveler to secondary inspection</source>
        <translation>a orienté le voyageur vers le contrôle approfondi</translation>
    </message>
    <message>
        <source>The item could not be read: %1</source>
        <translation>L&apos;élément n&apos;a pas pu être lu : %1</translation>
    </message>
    <message>
        <source>Not claimed: %1</source>
        <translation>Non pris en charge : %1</translation>
    </message>
    <message>
        <source>Claimed: no other supervisor can resolve this item while you hold it.</source>
        <translation>Pris en charge : aucun autre superviseur ne peut résoudre cet élément tant que vous le détenez.</translation>
    </message>
    <message>
        <source>Not released: %1</source>
        <translation>Non libéré : %1</translation>
    </message>
    <message>
        <source>Released: the item is back in the queue.</source>
        <translation>Libéré : l&apos;élément est de retour dans la file d&apos;attente.</translation>
    </message>
    <message>
        <source>Not resolved: %1</source>
        <translation>Non résolu : %1</translation>
    </message>
    <message>
        <source>Resolved: %1.</source>
        <translation>Résolu : %1.</translation>
    </message>
    <message>
        <source>Review queue item %1</source>
        <translation>Examen de l&apos;élément %1 de la file d&apos;attente</translation>
    </message>
    <message>
        <source>Top candidates of the search</source>
        <translation>Meilleurs candidats de la recherche</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Candidat</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Score</translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation>Passage</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Résolution</translation>
    </message>
    <message>
        <source>&amp;Identity confirmed (false non-match)</source>
        <translation>&amp;Identité confirmée (fausse non-correspondance)</translation>
    </message>
    <message>
        <source>Referred to &amp;secondary inspection</source>
        <translation>&amp;Orienté vers le contrôle approfondi</translation>
    </message>
    <message>
        <source>Suspected i&amp;mpostor</source>
        <translation>I&amp;mposteur présumé</translation>
    </message>
    <message>
        <source>Capture &amp;problem (lighting, camera, pose)</source>
        <translation>Problème de &amp;capture (éclairage, caméra, pose)</translation>
    </message>
    <message>
        <source>&amp;Note (required)</source>
        <translation>&amp;Note (obligatoire)</translation>
    </message>
    <message>
        <source>What you checked and why you decided so</source>
        <translation>Ce que vous avez vérifié et pourquoi vous avez décidé ainsi</translation>
    </message>
    <message>
        <source>Read-only: auditors see the review but do not claim or resolve.</source>
        <translation>Lecture seule : les auditeurs voient l&apos;examen mais ne prennent rien en charge et ne résolvent rien.</translation>
    </message>
    <message>
        <source>&amp;Claim (Ctrl+K)</source>
        <translation>&amp;Prendre en charge (Ctrl+K)</translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation>&amp;Libérer</translation>
    </message>
    <message>
        <source>&amp;Resolve (Ctrl+Enter)</source>
        <translation>&amp;Résoudre (Ctrl+Entrée)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Queue item %1 · %2 · encounter %3</source>
        <translation>Élément %1 de la file d&apos;attente · %2 · passage %3</translation>
    </message>
    <message>
        <source>Open since %1 (waiting %2). Claim it to resolve it.</source>
        <translation>Ouvert depuis %1 (attente : %2). Prenez-le en charge pour le résoudre.</translation>
    </message>
    <message>
        <source>Claimed by you since %1.</source>
        <translation>Pris en charge par vous depuis %1.</translation>
    </message>
    <message>
        <source>Claimed by %1 since %2.</source>
        <translation>Pris en charge par %1 depuis %2.</translation>
    </message>
    <message>
        <source>Resolved by %1 on %2: %3.</source>
        <translation>Résolu par %1 le %2 : %3.</translation>
    </message>
    <message>
        <source>Resolved.</source>
        <translation>Résolu.</translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation>Décision : %1</translation>
    </message>
    <message>
        <source>Purged: the photo is no longer stored.</source>
        <translation>Purgée : la photo n&apos;est plus conservée.</translation>
    </message>
    <message>
        <source>Purged on %1 by rule %2 (verified %3, due %4) by %5 · deletion record %6</source>
        <translation>Purgée le %1 selon la règle %2 (vérification %3, échéance %4) par %5 · enregistrement de suppression %6</translation>
    </message>
    <message>
        <source>Reference photo</source>
        <translation>Photo de référence</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Capture</translation>
    </message>
    <message>
        <source>No reference photo was stored with this encounter.</source>
        <translation>Aucune photo de référence n&apos;a été conservée avec ce passage.</translation>
    </message>
    <message>
        <source>No capture was stored with this encounter.</source>
        <translation>Aucune capture n&apos;a été conservée avec ce passage.</translation>
    </message>
    <message>
        <source>The photo could not be opened: %1</source>
        <translation>La photo n&apos;a pas pu être ouverte : %1</translation>
    </message>
    <message>
        <source>The stored photo could not be decoded.</source>
        <translation>La photo conservée n&apos;a pas pu être décodée.</translation>
    </message>
    <message>
        <source>%1 · %2 × %3</source>
        <translation>%1 · %2 × %3</translation>
    </message>
    <message>
        <source>%1 · above the threshold</source>
        <translation>%1 · au-dessus du seuil</translation>
    </message>
    <message>
        <source>%1 · below the threshold</source>
        <translation>%1 · sous le seuil</translation>
    </message>
    <message>
        <source>Flight</source>
        <translation>Vol</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Caméra</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Poste</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Partenaire</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Heure de capture</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <source>%1 (false match rate %2)</source>
        <translation>%1 (taux de fausses correspondances %2)</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Agent</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Officer&apos;s note</source>
        <translation>Note de l&apos;agent</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Qualité</translation>
    </message>
    <message>
        <source>No quality report (no face was analysed).</source>
        <translation>Aucun rapport de qualité (aucun visage n&apos;a été analysé).</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Contrôles</translation>
    </message>
    <message>
        <source>all passed</source>
        <translation>tous réussis</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>échoués : %1</translation>
    </message>
    <message>
        <source>Pose</source>
        <translation>Pose</translation>
    </message>
    <message>
        <source>yaw %1°, pitch %2°, roll %3°</source>
        <translation>lacet %1°, tangage %2°, roulis %3°</translation>
    </message>
    <message>
        <source>Eyes</source>
        <translation>Yeux</translation>
    </message>
    <message>
        <source>%1 px apart</source>
        <translation>%1 px d&apos;écart</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>Netteté</translation>
    </message>
    <message>
        <source>Faces in view</source>
        <translation>Visages visibles</translation>
    </message>
    <message>
        <source>Traveler and document</source>
        <translation>Voyageur et document</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nationalité</translation>
    </message>
    <message>
        <source>not established</source>
        <translation>non établie</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Délivré par</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Expiration</translation>
    </message>
    <message>
        <source>No document was recorded with this encounter.</source>
        <translation>Aucun document n&apos;a été enregistré avec ce passage.</translation>
    </message>
    <message>
        <source>Supervisors&apos; decisions</source>
        <translation>Décisions des superviseurs</translation>
    </message>
    <message>
        <source>%1 by %2: %3</source>
        <translation>%1 par %2 : %3</translation>
    </message>
    <message>
        <source>Deleted by retention</source>
        <translation>Suppressions au titre de la conservation</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Photo</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Gabarit</translation>
    </message>
    <message>
        <source>%1 by rule %2 on %3 (record %4)</source>
        <translation>%1 selon la règle %2 le %3 (enregistrement %4)</translation>
    </message>
</context>
<context>
    <name>fg::ReviewQueue</name>
    <message>
        <source>there is no queue item %1</source>
        <translation>l&apos;élément %1 de la file d&apos;attente n&apos;existe pas</translation>
    </message>
    <message>
        <source>queue item %1 is already resolved: %2 by %3 at %4</source>
        <translation>l&apos;élément %1 de la file d&apos;attente est déjà résolu : %2 par %3 le %4</translation>
    </message>
    <message>
        <source>queue item %1 is already resolved</source>
        <translation>l&apos;élément %1 de la file d&apos;attente est déjà résolu</translation>
    </message>
    <message>
        <source>queue item %1 is claimed by %2 since %3</source>
        <translation>l&apos;élément %1 de la file d&apos;attente est pris en charge par %2 depuis %3</translation>
    </message>
    <message>
        <source>queue item %1 is not claimed: claim it first</source>
        <translation>l&apos;élément %1 de la file d&apos;attente n&apos;est pas pris en charge : prenez-le d&apos;abord en charge</translation>
    </message>
    <message>
        <source>queue item %1 changed meanwhile; try again</source>
        <translation>l&apos;élément %1 de la file d&apos;attente a changé entre-temps ; réessayez</translation>
    </message>
    <message>
        <source>no user is signed in</source>
        <translation>aucun utilisateur n&apos;est connecté</translation>
    </message>
    <message>
        <source>the account %1 is disabled</source>
        <translation>le compte %1 est désactivé</translation>
    </message>
    <message>
        <source>%1 (%2) may not claim, release or resolve queue items: supervisors only</source>
        <translation>%1 (%2) ne peut pas prendre en charge, libérer ni résoudre des éléments de la file d&apos;attente : réservé aux superviseurs</translation>
    </message>
    <message>
        <source>%1 (%2) may not read the supervisor&apos;s queue: supervisors and auditors only</source>
        <translation>%1 (%2) ne peut pas lire la file d&apos;attente du superviseur : réservé aux superviseurs et aux auditeurs</translation>
    </message>
    <message>
        <source>queue item %1 is not claimed: there is nothing to release</source>
        <translation>l&apos;élément %1 de la file d&apos;attente n&apos;est pas pris en charge : il n&apos;y a rien à libérer</translation>
    </message>
    <message>
        <source>a resolution needs a note: what was checked, and why this decision</source>
        <translation>une résolution exige une note : ce qui a été vérifié, et pourquoi cette décision</translation>
    </message>
</context>
<context>
    <name>fg::ScoreBar</name>
    <message>
        <source>threshold %1</source>
        <translation>seuil %1</translation>
    </message>
    <message>
        <source>score %1 · %2</source>
        <translation>score %1 · %2</translation>
    </message>
    <message>
        <source>no score · %1</source>
        <translation>aucun score · %1</translation>
    </message>
    <message>
        <source>%1 · not decided: the quality checks failed</source>
        <translation>%1 · pas de décision : les contrôles de qualité ont échoué</translation>
    </message>
</context>
<context>
    <name>fg::SignInDialog</name>
    <message>
        <source>FaceGate — session locked</source>
        <translation>FaceGate — session verrouillée</translation>
    </message>
    <message>
        <source>FaceGate — sign in</source>
        <translation>FaceGate — connexion</translation>
    </message>
    <message>
        <source>The session of %1 was locked after a time without input. Sign in again to go on, or end the session.</source>
        <translation>La session de %1 a été verrouillée après un temps d&apos;inactivité. Reconnectez-vous pour continuer, ou fermez la session.</translation>
    </message>
    <message>
        <source>Sign in with your name, your password and the code your authenticator app shows now.</source>
        <translation>Connectez-vous avec votre nom, votre mot de passe et le code qu&apos;affiche maintenant votre application d&apos;authentification.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nom</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>6 digits from the authenticator app</source>
        <translation>6 chiffres de l&apos;application d&apos;authentification</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Se connecter</translation>
    </message>
    <message>
        <source>&amp;End session</source>
        <translation>&amp;Fermer la session</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Only %1 can unlock this session.</source>
        <translation>Seul(e) %1 peut déverrouiller cette session.</translation>
    </message>
    <message>
        <source>Not signed in: the name, the password or the code is wrong.</source>
        <translation>Connexion refusée : le nom, le mot de passe ou le code est incorrect.</translation>
    </message>
    <message>
        <source>Not signed in: too many failed attempts; the account is locked until %1.</source>
        <translation>Connexion refusée : trop de tentatives échouées ; le compte est verrouillé jusqu&apos;à %1.</translation>
    </message>
    <message>
        <source>Not signed in: this account is disabled; ask an administrator.</source>
        <translation>Connexion refusée : ce compte est désactivé ; adressez-vous à un administrateur.</translation>
    </message>
    <message>
        <source>Sign-in is not possible: %1</source>
        <translation>Connexion impossible : %1</translation>
    </message>
    <message>
        <source>An administrator reset the password of %1. Choose your own now: at least %2 characters, not containing your name, and not the one you were given.</source>
        <translation>Un administrateur a réinitialisé le mot de passe de %1. Choisissez maintenant le vôtre : au moins %2 caractères, sans votre nom, et différent de celui qui vous a été remis.</translation>
    </message>
    <message>
        <source>%1 locked the session. Sign in again to go on, or end the session.</source>
        <translation>%1 a verrouillé la session. Reconnectez-vous pour continuer, ou fermez la session.</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Nouveau mot de passe</translation>
    </message>
    <message>
        <source>&amp;Repeat new password</source>
        <translation>&amp;Répéter le nouveau mot de passe</translation>
    </message>
    <message>
        <source>&amp;Change password and sign in</source>
        <translation>&amp;Changer le mot de passe et se connecter</translation>
    </message>
    <message>
        <source>Not signed in: an administrator reset your password. End the session and sign in again to choose your own.</source>
        <translation>Connexion refusée : un administrateur a réinitialisé votre mot de passe. Fermez la session et reconnectez-vous pour choisir le vôtre.</translation>
    </message>
    <message>
        <source>The two passwords differ; type the new password again in both fields.</source>
        <translation>Les deux mots de passe diffèrent ; ressaisissez le nouveau mot de passe dans les deux champs.</translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation>Le mot de passe n&apos;a pas été modifié : %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Vérification…</translation>
    </message>
</context>
<context>
    <name>fg::SupervisorWindow</name>
    <message>
        <source>FaceGate — supervision</source>
        <translation>FaceGate — supervision</translation>
    </message>
    <message>
        <source>No-match &amp;queue</source>
        <translation>File des &amp;non-correspondances</translation>
    </message>
    <message>
        <source>Port &amp;figures</source>
        <translation>&amp;Chiffres du point de passage</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>&amp;Rapports</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Personne n&apos;est connecté.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>fg::TotpEnrolmentView</name>
    <message>
        <source>Add this key to %1&apos;s authenticator app now (time-based, 6 digits, 30 seconds): scan the code with the app, or type the key. It is shown only this once and is stored encrypted.</source>
        <translation>Ajoutez maintenant cette clé à l&apos;application d&apos;authentification de %1 (basée sur le temps, 6 chiffres, 30 secondes) : scannez le code QR avec l&apos;application, ou saisissez la clé. Elle n&apos;est affichée que cette fois-ci et elle est conservée chiffrée.</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Clé :</translation>
    </message>
    <message>
        <source>Or as an address (for apps that read otpauth:// links):</source>
        <translation>Ou sous forme d&apos;adresse (pour les applications qui lisent les liens otpauth://) :</translation>
    </message>
</context>
<context>
    <name>fg::TravelerDisplay</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenue</translation>
    </message>
    <message>
        <source>Next traveler, please step forward</source>
        <translation>Personne suivante, veuillez avancer</translation>
    </message>
    <message>
        <source>Please look at the camera</source>
        <translation>Veuillez regarder la caméra</translation>
    </message>
    <message>
        <source>Please remove sunglasses</source>
        <translation>Veuillez retirer vos lunettes de soleil</translation>
    </message>
    <message>
        <source>Please hold still</source>
        <translation>Veuillez ne pas bouger</translation>
    </message>
    <message>
        <source>Taking your photo</source>
        <translation>Prise de votre photo en cours</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Merci</translation>
    </message>
    <message>
        <source>Have a good journey</source>
        <translation>Bon voyage</translation>
    </message>
    <message>
        <source>Please see the officer</source>
        <translation>Veuillez vous adresser à l&apos;agent</translation>
    </message>
    <message>
        <source>The officer will help you</source>
        <translation>L&apos;agent va vous aider</translation>
    </message>
    <message>
        <source>No photo will be taken</source>
        <translation>Aucune photo ne sera prise</translation>
    </message>
    <message>
        <source>An officer will check your document</source>
        <translation>Un agent va vérifier votre document</translation>
    </message>
</context>
<context>
    <name>fg::UserAdminWindow</name>
    <message>
        <source>The users cannot be read: %1</source>
        <translation>Les utilisateurs ne peuvent pas être lus : %1</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Désactivé</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Verrouillé jusqu&apos;au %1</translation>
    </message>
    <message numerus="yes">
        <source>%n failed sign-in(s)</source>
        <translation>
            <numerusform>%n échec de connexion</numerusform>
            <numerusform>%n échecs de connexion</numerusform>
        </translation>
    </message>
    <message>
        <source>Must choose a new password</source>
        <translation>Doit choisir un nouveau mot de passe</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Actif</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 par %2</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>Ac&amp;tiver</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>Désac&amp;tiver</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Non modifié : %1</translation>
    </message>
    <message>
        <source>%1 was added as %2; their authenticator key was shown once.</source>
        <translation>%1 a été ajouté(e) en tant que %2 ; sa clé d&apos;authentification a été affichée une seule fois.</translation>
    </message>
    <message>
        <source>%1 is disabled: they can no longer sign in.</source>
        <translation>%1 est désactivé(e) : plus aucune connexion n&apos;est possible avec ce compte.</translation>
    </message>
    <message>
        <source>%1 is enabled again.</source>
        <translation>%1 est de nouveau activé(e).</translation>
    </message>
    <message>
        <source>%1 is unlocked and may sign in again.</source>
        <translation>%1 est déverrouillé(e) et peut de nouveau se connecter.</translation>
    </message>
    <message>
        <source>%1 has a temporary password: give it to them in person; they choose their own at the next sign-in.</source>
        <translation>%1 a un mot de passe temporaire : remettez-le-lui en personne ; son propre mot de passe sera choisi à la prochaine connexion.</translation>
    </message>
    <message>
        <source>%1 has a new authenticator key; codes of the old one are refused from now on.</source>
        <translation>%1 a une nouvelle clé d&apos;authentification ; les codes de l&apos;ancienne sont désormais refusés.</translation>
    </message>
    <message>
        <source>%1 is now %2; it applies from their next sign-in.</source>
        <translation>%1 a désormais le rôle %2 ; cela s&apos;applique à partir de sa prochaine connexion.</translation>
    </message>
    <message>
        <source>FaceGate — authenticator key of %1</source>
        <translation>FaceGate — clé d&apos;authentification de %1</translation>
    </message>
    <message>
        <source>The key is in the app — &amp;close</source>
        <translation>La clé est dans l&apos;application — &amp;fermer</translation>
    </message>
    <message>
        <source>FaceGate — add a user</source>
        <translation>FaceGate — ajouter un utilisateur</translation>
    </message>
    <message>
        <source>The user chooses nothing now: give them this password in person. At least %1 characters, not containing the name.</source>
        <translation>L&apos;utilisateur ne choisit rien maintenant : remettez-lui ce mot de passe en personne. Au moins %1 caractères, sans le nom.</translation>
    </message>
    <message>
        <source>Sign-in &amp;name</source>
        <translation>&amp;Nom de connexion</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nom &amp;complet</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Rôle</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Mot de passe</translation>
    </message>
    <message>
        <source>R&amp;epeat password</source>
        <translation>Ré&amp;péter le mot de passe</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>&amp;Ajouter l&apos;utilisateur</translation>
    </message>
    <message>
        <source>The two passwords differ; type the password again in both fields.</source>
        <translation>Les deux mots de passe diffèrent ; saisissez à nouveau le mot de passe dans les deux champs.</translation>
    </message>
    <message>
        <source>FaceGate — reset the password of %1</source>
        <translation>FaceGate — réinitialiser le mot de passe de %1</translation>
    </message>
    <message>
        <source>Type a temporary password for %1 and give it to them in person. They must choose their own at the next sign-in; a lockout after failed sign-ins ends too.</source>
        <translation>Saisissez un mot de passe temporaire pour %1 et remettez-le-lui en personne. Son propre mot de passe devra être choisi à la prochaine connexion ; un éventuel verrouillage dû à des échecs de connexion est également levé.</translation>
    </message>
    <message>
        <source>Temporary &amp;password</source>
        <translation>&amp;Mot de passe temporaire</translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation>&amp;Réinitialiser le mot de passe</translation>
    </message>
    <message>
        <source>FaceGate — new authenticator key</source>
        <translation>FaceGate — nouvelle clé d&apos;authentification</translation>
    </message>
    <message>
        <source>Make a new authenticator key for %1? The codes of their present key are refused from then on; the new key is shown once, to add to their app now.</source>
        <translation>Créer une nouvelle clé d&apos;authentification pour %1 ? Les codes de sa clé actuelle seront alors refusés ; la nouvelle clé n&apos;est affichée qu&apos;une seule fois, pour être ajoutée maintenant à son application.</translation>
    </message>
    <message>
        <source>FaceGate — role of %1</source>
        <translation>FaceGate — rôle de %1</translation>
    </message>
    <message>
        <source>FaceGate — users</source>
        <translation>FaceGate — utilisateurs</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nom complet</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Rôle</translation>
    </message>
    <message>
        <source>State</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Ajout</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Ajouter un utilisateur…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Déverrouiller</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Réinitialiser le &amp;mot de passe…</translation>
    </message>
    <message>
        <source>New &amp;authenticator key…</source>
        <translation>&amp;Nouvelle clé d&apos;authentification…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Changer le &amp;rôle…</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Personne n&apos;est connecté.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
</context>
<context>
    <name>fg::UserStore</name>
    <message>
        <source>&quot;%1&quot; is not a valid user name: use 2 to 64 characters, a lower-case letter first, then lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>« %1 » n&apos;est pas un nom d&apos;utilisateur valide : utilisez de 2 à 64 caractères, d&apos;abord une lettre minuscule, puis des lettres minuscules, des chiffres, « . », « _ » ou « - »</translation>
    </message>
    <message>
        <source>a user named &quot;%1&quot; exists already</source>
        <translation>un utilisateur nommé « %1 » existe déjà</translation>
    </message>
    <message>
        <source>there is no user named &quot;%1&quot;</source>
        <translation>il n&apos;existe aucun utilisateur nommé « %1 »</translation>
    </message>
    <message>
        <source>the new password is the one an administrator set: choose your own</source>
        <translation>le nouveau mot de passe est celui défini par un administrateur : choisissez le vôtre</translation>
    </message>
    <message>
        <source>%1 is the last administrator who can sign in: add or enable another administrator first</source>
        <translation>%1 est le dernier administrateur pouvant se connecter : ajoutez ou activez d&apos;abord un autre administrateur</translation>
    </message>
</context>
<context>
    <name>fg::Workstation</name>
    <message>
        <source>Decided in %1 ms after capture</source>
        <translation>Décision %1 ms après la capture</translation>
    </message>
    <message>
        <source>FaceGate cannot start</source>
        <translation>FaceGate ne peut pas démarrer</translation>
    </message>
    <message>
        <source>The face pipeline could not be created:
%1</source>
        <translation>La chaîne d&apos;analyse faciale n&apos;a pas pu être créée :
%1</translation>
    </message>
    <message>
        <source>The users cannot be read:
%1</source>
        <translation>Les utilisateurs ne peuvent pas être lus :
%1</translation>
    </message>
    <message>
        <source>Re&amp;cords</source>
        <translation>Re&amp;gistres</translation>
    </message>
    <message>
        <source>&amp;Alternate procedures…</source>
        <translation>Procédures &amp;alternatives…</translation>
    </message>
    <message>
        <source>&amp;Traveler display</source>
        <translation>Écran du &amp;voyageur</translation>
    </message>
    <message>
        <source>Loading the manifest %1…</source>
        <translation>Chargement du manifeste %1…</translation>
    </message>
    <message>
        <source>Reading the document photo %1…</source>
        <translation>Lecture de la photo du document %1…</translation>
    </message>
    <message>
        <source>Enrolling the manifest: %1 of %2</source>
        <translation>Enrôlement du manifeste : %1 sur %2</translation>
    </message>
    <message>
        <source>Flight %1 not loaded: %2</source>
        <translation>Vol %1 non chargé : %2</translation>
    </message>
    <message>
        <source>Flight %1 · %2 travelers · 1:N</source>
        <translation>Vol %1 · %2 voyageurs · 1:N</translation>
    </message>
    <message>
        <source>Flight %1 · %2 travelers · 1:N · %3 photos did not enrol</source>
        <translation>Vol %1 · %2 voyageurs · 1:N · %3 photos non enrôlées</translation>
    </message>
    <message>
        <source>Document not loaded: %1</source>
        <translation>Document non chargé : %1</translation>
    </message>
    <message>
        <source>Document photo %1 · 1:1</source>
        <translation>Photo du document %1 · 1:1</translation>
    </message>
    <message>
        <source>Reference not loaded: %1</source>
        <translation>Référence non chargée : %1</translation>
    </message>
    <message>
        <source>Records · purged %1 photos at %2</source>
        <translation>Registres · %1 photos purgées à %2</translation>
    </message>
    <message>
        <source>Records: %1
Last retention purge at %2: %3 photos and %4 templates deleted</source>
        <translation>Registres : %1
Dernière purge de conservation à %2 : %3 photos et %4 gabarits supprimés</translation>
    </message>
    <message>
        <source>Records · purge FAILED</source>
        <translation>Registres · ÉCHEC de la purge</translation>
    </message>
    <message>
        <source>Records: %1
Retention purge failed: %2</source>
        <translation>Registres : %1
Échec de la purge de conservation : %2</translation>
    </message>
    <message>
        <source>Document photo %1 not read: another reference is loading</source>
        <translation>Photo du document %1 non lue : une autre référence est en cours de chargement</translation>
    </message>
    <message>
        <source>Document reader not watched: %1</source>
        <translation>Lecteur de documents non surveillé : %1</translation>
    </message>
    <message>
        <source>&amp;Supervision: queue, figures, reports…</source>
        <translation>&amp;Supervision : file d&apos;attente, chiffres, rapports…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1 : %2</translation>
    </message>
    <message>
        <source>Matching: service at %1</source>
        <translation>Comparaison : service à l&apos;adresse %1</translation>
    </message>
    <message>
        <source>Matching: service at %1 unreachable (%2)</source>
        <translation>Comparaison : service à l&apos;adresse %1 injoignable (%2)</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Utilisateurs…</translation>
    </message>
    <message>
        <source>not known (photo %1)</source>
        <translation>inconnu (photo %1)</translation>
    </message>
    <message numerus="yes">
        <source>Flight %1 · %2 travelers · 1:N · %n photo(s) did not enrol</source>
        <translation>
            <numerusform>Vol %1 · %2 voyageurs · 1:N · %n photo non enrôlée</numerusform>
            <numerusform>Vol %1 · %2 voyageurs · 1:N · %n photos non enrôlées</numerusform>
        </translation>
    </message>
    <message>
        <source>Not enrolled, so not matched against: %1</source>
        <translation>Non enrôlés, donc non comparés : %1</translation>
    </message>
    <message>
        <source>The account %1 no longer exists: its session ended.</source>
        <translation>Le compte %1 n’existe plus : sa session est terminée.</translation>
    </message>
    <message>
        <source>An administrator disabled the account %1: its session ended.</source>
        <translation>Un administrateur a désactivé le compte %1 : sa session est terminée.</translation>
    </message>
    <message>
        <source>The role of the account %1 changed: its session ended; sign in again.</source>
        <translation>Le rôle du compte %1 a changé : sa session est terminée ; reconnectez-vous.</translation>
    </message>
    <message>
        <source>Document photo not loaded: %1. The reader&apos;s files were deleted: read the document again.</source>
        <translation>Photo du document non chargée : %1. Les fichiers du lecteur ont été supprimés : lisez à nouveau le document.</translation>
    </message>
    <message>
        <source>Document photo not loaded: %1. Read the document again.</source>
        <translation>Photo du document non chargée : %1. Lisez à nouveau le document.</translation>
    </message>
    <message>
        <source>Document photo %1 waits: another reference is loading</source>
        <translation>La photo du document %1 attend : une autre référence est en cours de chargement</translation>
    </message>
    <message>
        <source>Not deleted from the document reader&apos;s folder, ask an administrator to remove: %1</source>
        <translation>Non supprimé du dossier du lecteur de documents, demandez à un administrateur de le retirer : %1</translation>
    </message>
    <message>
        <source>The deletion of the document reader&apos;s files was not recorded: %1</source>
        <translation>La suppression des fichiers du lecteur de documents n’a pas été enregistrée : %1</translation>
    </message>
    <message>
        <source>genuine</source>
        <translation>authentique</translation>
    </message>
    <message>
        <source>NOT GENUINE</source>
        <translation>NON AUTHENTIQUE</translation>
    </message>
    <message>
        <source>not verifiable</source>
        <translation>non vérifiable</translation>
    </message>
    <message>
        <source>Passport chip %1 · %2 · 1:1</source>
        <translation>Puce du passeport %1 · %2 · 1:1</translation>
    </message>
    <message>
        <source>Passport chip: %1</source>
        <translation>Puce du passeport : %1</translation>
    </message>
    <message>
        <source>Passport chip reader: %1</source>
        <translation>Lecteur de la puce du passeport : %1</translation>
    </message>
    <message>
        <source>Passport on %1: reading its chip needs its MRZ (Ctrl+R)</source>
        <translation>Passeport sur %1 : la lecture de sa puce demande sa MRZ (Ctrl+R)</translation>
    </message>
    <message>
        <source>Reading the passport&apos;s chip: %1, %2 of %3 bytes</source>
        <translation>Lecture de la puce du passeport : %1, %2 octets sur %3</translation>
    </message>
    <message>
        <source>Read the passport&apos;s &amp;chip…</source>
        <translation>Lire la &amp;puce du passeport…</translation>
    </message>
    <message>
        <source>Read the passport&apos;s chip</source>
        <translation>Lire la puce du passeport</translation>
    </message>
    <message>
        <source>The document&apos;s MRZ as printed (two or three lines), to open its chip:</source>
        <translation>La MRZ du document telle qu’imprimée (deux ou trois lignes), pour ouvrir sa puce :</translation>
    </message>
    <message>
        <source>no MRZ layout fits</source>
        <translation>aucun format de MRZ ne convient</translation>
    </message>
    <message>
        <source>Passport chip not read: the MRZ cannot be read (%1)</source>
        <translation>Puce du passeport non lue : la MRZ est illisible (%1)</translation>
    </message>
    <message>
        <source>Passport chip: waiting for the passport on the reader…</source>
        <translation>Puce du passeport : en attente du passeport sur le lecteur…</translation>
    </message>
    <message>
        <source>Passport chip read, but it gives no photo to compare with (%1). %2</source>
        <translation>Puce du passeport lue, mais elle ne donne aucune photo à comparer (%1). %2</translation>
    </message>
    <message>
        <source>Passport chip not read: %1. Type the MRZ again (Ctrl+R).</source>
        <translation>Puce du passeport non lue : %1. Saisissez de nouveau la MRZ (Ctrl+R).</translation>
    </message>
    <message>
        <source>Passport chip not read: %1</source>
        <translation>Puce du passeport non lue : %1</translation>
    </message>
    <message>
        <source>The reading of the passport&apos;s chip was not recorded: %1</source>
        <translation>La lecture de la puce du passeport n’a pas été enregistrée : %1</translation>
    </message>
    <message>
        <source>Presentation attacks are not assessed: %1</source>
        <translation>Les attaques de présentation ne sont pas évaluées : %1</translation>
    </message>
</context>
<context>
    <name>fg::ZoomablePhoto</name>
    <message>
        <source>Zoom out</source>
        <translation>Zoom arrière</translation>
    </message>
    <message>
        <source>Zoom in (or Ctrl + wheel)</source>
        <translation>Zoom avant (ou Ctrl + molette)</translation>
    </message>
    <message>
        <source>Full resolution: one photo pixel per screen pixel</source>
        <translation>Pleine résolution : un pixel de la photo par pixel d&apos;écran</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajuster</translation>
    </message>
    <message>
        <source>Fit the whole photo in view</source>
        <translation>Afficher la photo entière</translation>
    </message>
    <message>
        <source>%1 × %2 pixels, shown at %3 %</source>
        <translation>%1 × %2 pixels, affichée à %3 %</translation>
    </message>
</context>
</TS>
