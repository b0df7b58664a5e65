<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en_GB">
<context>
    <name>fg::MainWindow</name>
    <message>
        <source>FaceGate</source>
        <translation>FaceGate</translation>
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
</TS>
