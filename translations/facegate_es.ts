<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en_GB">
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
        <translation>Bienvenidos</translation>
    </message>
    <message>
        <source>Next traveler, please step forward</source>
        <translation>Siguiente viajero, acérquese, por favor</translation>
    </message>
    <message>
        <source>Please look at the camera</source>
        <translation>Por favor, mire a la cámara</translation>
    </message>
    <message>
        <source>Please remove sunglasses</source>
        <translation>Por favor, quítese las gafas de sol</translation>
    </message>
    <message>
        <source>Please hold still</source>
        <translation>Por favor, no se mueva</translation>
    </message>
    <message>
        <source>Taking your photo</source>
        <translation>Tomando su foto</translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation>Gracias</translation>
    </message>
    <message>
        <source>Have a good journey</source>
        <translation>Buen viaje</translation>
    </message>
    <message>
        <source>Please see the officer</source>
        <translation>Por favor, hable con el agente</translation>
    </message>
    <message>
        <source>The officer will help you</source>
        <translation>El agente le ayudará</translation>
    </message>
    <message>
        <source>No photo will be taken</source>
        <translation>No se tomará ninguna foto</translation>
    </message>
    <message>
        <source>An officer will check your document</source>
        <translation>Un agente revisará su documento</translation>
    </message>
</context>
</TS>
