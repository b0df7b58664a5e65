<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en_GB">
<context>
    <name>fg::AlternateProcedure</name>
    <message>
        <source>the traveler&apos;s citizenship is not given</source>
        <translation>no se indica la nacionalidad del viajero</translation>
    </message>
    <message>
        <source>the document&apos;s kind is not given</source>
        <translation>no se indica el tipo de documento</translation>
    </message>
    <message>
        <source>the document&apos;s number is not given</source>
        <translation>no se indica el número del documento</translation>
    </message>
    <message>
        <source>the document&apos;s issuing state is not given</source>
        <translation>no se indica el Estado emisor del documento</translation>
    </message>
    <message>
        <source>a check of the checklist has no id</source>
        <translation>una comprobación de la lista no tiene identificador</translation>
    </message>
    <message>
        <source>check &quot;%1&quot; is listed twice</source>
        <translation>la comprobación «%1» figura dos veces</translation>
    </message>
    <message>
        <source>&quot;verified&quot; needs at least one visual check done (passed or failed)</source>
        <translation>«verificado» requiere al menos una comprobación visual realizada (superada o no superada)</translation>
    </message>
    <message>
        <source>the outcome &quot;%1&quot; needs a reason</source>
        <translation>el resultado «%1» requiere un motivo</translation>
    </message>
</context>
<context>
    <name>fg::AlternateProcedureLog</name>
    <message>
        <source>Alternate procedures log</source>
        <translation>Registro de procedimientos alternativos</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>nombre de usuario</translation>
    </message>
    <message>
        <source>e.g. LH 400</source>
        <translation>p. ej., LH 400</translation>
    </message>
    <message>
        <source>document number or name</source>
        <translation>número de documento o nombre</translation>
    </message>
    <message>
        <source>any</source>
        <translation>cualquiera</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Officer</source>
        <translation>&amp;Agente</translation>
    </message>
    <message>
        <source>F&amp;light</source>
        <translation>&amp;Vuelo</translation>
    </message>
    <message>
        <source>O&amp;utcome</source>
        <translation>&amp;Resultado</translation>
    </message>
    <message>
        <source>Doc&amp;ument or name</source>
        <translation>Doc&amp;umento o nombre</translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation>A&amp;nterior</translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation>Si&amp;guiente</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar &amp;CSV…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>Exportar &amp;PDF…</translation>
    </message>
    <message>
        <source>No procedures</source>
        <translation>Ningún procedimiento</translation>
    </message>
    <message>
        <source>1 procedure</source>
        <translation>1 procedimiento</translation>
    </message>
    <message>
        <source>%1 procedures</source>
        <translation>%1 procedimientos</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Página %1 de %2</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>desde %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>hasta %1</translation>
    </message>
    <message>
        <source>officer %1</source>
        <translation>agente %1</translation>
    </message>
    <message>
        <source>flight %1</source>
        <translation>vuelo %1</translation>
    </message>
    <message>
        <source>outcome %1</source>
        <translation>resultado %1</translation>
    </message>
    <message>
        <source>document or name containing “%1”</source>
        <translation>documento o nombre que contiene «%1»</translation>
    </message>
    <message>
        <source>all procedures</source>
        <translation>todos los procedimientos</translation>
    </message>
    <message>
        <source>ascending</source>
        <translation>ascendente</translation>
    </message>
    <message>
        <source>descending</source>
        <translation>descendente</translation>
    </message>
    <message>
        <source>sorted by %1, %2</source>
        <translation>ordenado por %1, %2</translation>
    </message>
    <message>
        <source>The “to” date is before the “from” date: no procedure can match.</source>
        <translation>La fecha «hasta» es anterior a la fecha «desde»: ningún procedimiento puede coincidir.</translation>
    </message>
    <message>
        <source>The log could not be read: %1</source>
        <translation>No se pudo leer el registro: %1</translation>
    </message>
    <message>
        <source>Not exported to %1: the log could not be read: %2</source>
        <translation>No se exportó a %1: no se pudo leer el registro: %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>Exported %1 (local time) · %2</source>
        <translation>Exportado el %1 (hora local) · %2</translation>
    </message>
    <message>
        <source>Export the alternate procedures as CSV</source>
        <translation>Exportar los procedimientos alternativos en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the alternate procedures as PDF</source>
        <translation>Exportar los procedimientos alternativos en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>Exportado: %1 a %2.</translation>
    </message>
</context>
<context>
    <name>fg::AlternateProcedureTableModel</name>
    <message>
        <source>passed</source>
        <translation>superada</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>no superada</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>no aplicable</translation>
    </message>
    <message>
        <source>Holder: %1</source>
        <translation>Titular: %1</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Click to sort by this column</source>
        <translation>Haga clic para ordenar por esta columna</translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation>Esta columna no se puede ordenar</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Fecha y hora</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Workstation / lane</source>
        <translation>Puesto / carril</translation>
    </message>
    <message>
        <source>Flight</source>
        <translation>Vuelo</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Comprobaciones</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificado</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>No verificado</translation>
    </message>
    <message>
        <source>Referred to secondary</source>
        <translation>Enviado a segunda línea</translation>
    </message>
    <message>
        <source>passport</source>
        <translation>pasaporte</translation>
    </message>
    <message>
        <source>identity card</source>
        <translation>documento de identidad</translation>
    </message>
    <message>
        <source>visa</source>
        <translation>visado</translation>
    </message>
    <message>
        <source>document</source>
        <translation>documento</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguna</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message numerus="yes">
        <source>%n passed</source>
        <translation>
            <numerusform>%n superada</numerusform>
            <numerusform>%n superadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n no superada</numerusform>
            <numerusform>%n no superadas</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not applicable</source>
        <translation>
            <numerusform>%n no aplicable</numerusform>
            <numerusform>%n no aplicables</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fg::AuditedExport</name>
    <message>
        <source>Not exported: there is no audit log to record the export in.</source>
        <translation>No exportado: no hay ningún registro de auditoría en el que registrar la exportación.</translation>
    </message>
    <message>
        <source>Not exported: the export could not be recorded in the audit log: %1</source>
        <translation>No exportado: la exportación no pudo registrarse en el registro de auditoría: %1</translation>
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
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <source>— fps</source>
        <translation>— fps</translation>
    </message>
    <message>
        <source>Capture camera</source>
        <translation>Cámara de captura</translation>
    </message>
    <message>
        <source>The desk captures from this camera</source>
        <translation>El puesto captura con esta cámara</translation>
    </message>
    <message>
        <source>Click, or press Ctrl+%1, to capture from this camera</source>
        <translation>Haga clic o pulse Ctrl+%1 para capturar con esta cámara</translation>
    </message>
    <message>
        <source>Click to capture from this camera</source>
        <translation>Haga clic para capturar con esta cámara</translation>
    </message>
    <message>
        <source>Camera %1, %2, capture camera</source>
        <translation>Cámara %1, %2, cámara de captura</translation>
    </message>
    <message>
        <source>Camera %1, %2</source>
        <translation>Cámara %1, %2</translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation>Detenida</translation>
    </message>
    <message>
        <source>Opening</source>
        <translation>Abriendo</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>En directo</translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation>Reconectando</translation>
    </message>
    <message>
        <source>Lost</source>
        <translation>Perdida</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Terminada</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Fallida</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Desconocido</translation>
    </message>
    <message>
        <source>video file %1</source>
        <translation>archivo de vídeo %1</translation>
    </message>
    <message>
        <source>camera %1</source>
        <translation>cámara %1</translation>
    </message>
    <message>
        <source>image folder %1</source>
        <translation>carpeta de imágenes %1</translation>
    </message>
    <message>
        <source>stream %1</source>
        <translation>flujo %1</translation>
    </message>
</context>
<context>
    <name>fg::CameraView</name>
    <message>
        <source>Waiting for the camera…</source>
        <translation>Esperando a la cámara…</translation>
    </message>
</context>
<context>
    <name>fg::DetCurvePlot</name>
    <message>
        <source>False match rate (FMR)</source>
        <translation>Tasa de falsas coincidencias (FMR)</translation>
    </message>
    <message>
        <source>False non-match rate (FNMR)</source>
        <translation>Tasa de falsas no coincidencias (FNMR)</translation>
    </message>
    <message>
        <source>%1: FNMR %2</source>
        <translation>%1: FNMR %2</translation>
    </message>
</context>
<context>
    <name>fg::DocumentReaderFiles</name>
    <message>
        <source>%1 holds %2 bytes, more than a photo may (%3)</source>
        <translation>%1 tiene %2 bytes, más de los que puede tener una foto (%3)</translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation>No se puede leer %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a photo FaceGate can read: %2</source>
        <translation>%1 no es una foto que FaceGate pueda leer: %2</translation>
    </message>
</context>
<context>
    <name>fg::FiguresCharts</name>
    <message>
        <source>Score distributions</source>
        <translation>Distribuciones de puntuaciones</translation>
    </message>
    <message>
        <source>Comparison score</source>
        <translation>Puntuación de comparación</translation>
    </message>
    <message>
        <source>Encounters</source>
        <translation>Controles</translation>
    </message>
    <message>
        <source>DET curve of the model</source>
        <translation>Curva DET del modelo</translation>
    </message>
    <message>
        <source>False match rate (FMR)</source>
        <translation>Tasa de falsas coincidencias (FMR)</translation>
    </message>
    <message>
        <source>False non-match rate (FNMR)</source>
        <translation>Tasa de falsas no coincidencias (FNMR)</translation>
    </message>
    <message>
        <source>Rates</source>
        <translation>Tasas</translation>
    </message>
    <message>
        <source>Percent</source>
        <translation>Porcentaje</translation>
    </message>
    <message>
        <source>Genuine (1 score)</source>
        <translation>Genuinas (1 puntuación)</translation>
    </message>
    <message>
        <source>Genuine (%1 scores)</source>
        <translation>Genuinas (%1 puntuaciones)</translation>
    </message>
    <message>
        <source>Impostor (1 score, hatched)</source>
        <translation>Impostoras (1 puntuación, rayada)</translation>
    </message>
    <message>
        <source>Impostor (%1 scores, hatched)</source>
        <translation>Impostoras (%1 puntuaciones, rayadas)</translation>
    </message>
    <message>
        <source>Genuine: the score of each traveler whose identity was confirmed (solid bars).</source>
        <translation>Genuinas: la puntuación de cada viajero cuya identidad se confirmó (barras lisas).</translation>
    </message>
    <message>
        <source>Impostor: the scores of other people in confirmed searches and of suspected impostors (hatched bars).</source>
        <translation>Impostoras: las puntuaciones de otras personas en búsquedas confirmadas y de presuntos impostores (barras rayadas).</translation>
    </message>
    <message>
        <source>Threshold %1</source>
        <translation>Umbral %1</translation>
    </message>
    <message>
        <source>Dashed line: the decision threshold %1 of the most recent encounter selected.</source>
        <translation>Línea discontinua: el umbral de decisión %1 del control seleccionado más reciente.</translation>
    </message>
    <message>
        <source>Threshold: none recorded</source>
        <translation>Umbral: ninguno registrado</translation>
    </message>
    <message>
        <source>No decision threshold is recorded in the encounters selected.</source>
        <translation>No hay ningún umbral de decisión registrado en los controles seleccionados.</translation>
    </message>
    <message>
        <source>No score in this selection.</source>
        <translation>No hay puntuaciones en esta selección.</translation>
    </message>
    <message>
        <source>Opt-out</source>
        <translation>Renuncia</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>No coincidencia</translation>
    </message>
    <message>
        <source>Match</source>
        <translation>Coincidencia</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Captura</translation>
    </message>
    <message>
        <source>Rate (%)</source>
        <translation>Tasa (%)</translation>
    </message>
    <message>
        <source>No calibration table for the model: the DET curve cannot be drawn.</source>
        <translation>No hay tabla de calibración para el modelo: no se puede trazar la curva DET.</translation>
    </message>
    <message>
        <source>DET curve</source>
        <translation>Curva DET</translation>
    </message>
    <message>
        <source>Calibration: %1, %2 impostor pairs, measured %3.</source>
        <translation>Calibración: %1, %2 pares impostores, medida el %3.</translation>
    </message>
    <message>
        <source>Square: the operating point of threshold %1, FMR %2, FNMR %3 %.</source>
        <translation>Cuadrado: el punto de funcionamiento del umbral %1, FMR %2, FNMR %3 %.</translation>
    </message>
    <message>
        <source>Threshold: no operating point</source>
        <translation>Umbral: sin punto de funcionamiento</translation>
    </message>
    <message>
        <source>The threshold %1 is outside the calibration table: no operating point.</source>
        <translation>El umbral %1 está fuera de la tabla de calibración: no hay punto de funcionamiento.</translation>
    </message>
    <message>
        <source>No decision threshold recorded: no operating point.</source>
        <translation>No hay ningún umbral de decisión registrado: no hay punto de funcionamiento.</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>a rate in percent</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
</context>
<context>
    <name>fg::FiguresView</name>
    <message>
        <source>the model manifest names no recognition model</source>
        <translation>el manifiesto de modelos no indica ningún modelo de reconocimiento</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>The first day counted (local time)</source>
        <translation>El primer día contado (hora local)</translation>
    </message>
    <message>
        <source>The last day counted, included (local time)</source>
        <translation>El último día contado, incluido (hora local)</translation>
    </message>
    <message>
        <source>&amp;Workstation</source>
        <translation>&amp;Puesto</translation>
    </message>
    <message>
        <source>&amp;Camera</source>
        <translation>Cá&amp;mara</translation>
    </message>
    <message>
        <source>F&amp;light</source>
        <translation>&amp;Vuelo</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Todos</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Travelers processed</source>
        <translation>Viajeros procesados</translation>
    </message>
    <message>
        <source>Capture rate</source>
        <translation>Tasa de captura</translation>
    </message>
    <message>
        <source>Match rate</source>
        <translation>Tasa de coincidencia</translation>
    </message>
    <message>
        <source>No-match rate</source>
        <translation>Tasa de no coincidencia</translation>
    </message>
    <message>
        <source>Opt-out rate</source>
        <translation>Tasa de renuncia</translation>
    </message>
    <message>
        <source>Unusable captures</source>
        <translation>Capturas inutilizables</translation>
    </message>
    <message>
        <source>Median time to decision</source>
        <translation>Tiempo mediano hasta la decisión</translation>
    </message>
    <message>
        <source>95th percentile time to decision</source>
        <translation>Percentil 95 del tiempo hasta la decisión</translation>
    </message>
    <message>
        <source>Sign in as a supervisor, an auditor or an administrator to see the port&apos;s figures.</source>
        <translation>Inicie sesión como supervisor, auditor o administrador para ver las cifras del paso fronterizo.</translation>
    </message>
    <message>
        <source>The port&apos;s figures are for supervisors, auditors and administrators: %1 is signed in as %2.</source>
        <translation>Las cifras del paso fronterizo son para supervisores, auditores y administradores: %1 ha iniciado sesión como %2.</translation>
    </message>
    <message>
        <source>The “until” day is before the “from” day: no encounter can be counted.</source>
        <translation>El día «hasta» es anterior al día «desde»: no se puede contar ningún control.</translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation>No se pudieron calcular las cifras: %1</translation>
    </message>
    <message>
        <source>%1 % (%2 of %3)</source>
        <translation>%1 % (%2 de %3)</translation>
    </message>
    <message>
        <source>no data</source>
        <translation>sin datos</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 in scope (not exempt from biometrics)</source>
        <translation>%1 sujetos a biometría (no exentos)</translation>
    </message>
    <message>
        <source>photographed, of travelers in scope</source>
        <translation>fotografiados, de los viajeros sujetos a biometría</translation>
    </message>
    <message>
        <source>matches, of travelers photographed</source>
        <translation>coincidencias, de los viajeros fotografiados</translation>
    </message>
    <message>
        <source>no matches, of travelers photographed</source>
        <translation>no coincidencias, de los viajeros fotografiados</translation>
    </message>
    <message>
        <source>alternate procedures, of travelers processed</source>
        <translation>procedimientos alternativos, de los viajeros procesados</translation>
    </message>
    <message>
        <source>%1 poor quality · %2 no face</source>
        <translation>%1 de calidad insuficiente · %2 sin rostro</translation>
    </message>
    <message>
        <source>captures that could not be compared</source>
        <translation>capturas que no se pudieron comparar</translation>
    </message>
    <message>
        <source>from the capture to the officer&apos;s action, over 1 decision</source>
        <translation>de la captura a la acción del agente, sobre 1 decisión</translation>
    </message>
    <message>
        <source>from the capture to the officer&apos;s action, over %1 decisions</source>
        <translation>de la captura a la acción del agente, sobre %1 decisiones</translation>
    </message>
    <message>
        <source>Presentation attacks caught</source>
        <translation>Ataques de presentación detectados</translation>
    </message>
    <message>
        <source>printed photos or screens, of 1 face assessed</source>
        <translation>fotos impresas o pantallas, de 1 rostro evaluado</translation>
    </message>
    <message>
        <source>printed photos or screens, of %1 faces assessed</source>
        <translation>fotos impresas o pantallas, de %1 rostros evaluados</translation>
    </message>
</context>
<context>
    <name>fg::FirstAdminDialog</name>
    <message>
        <source>FaceGate — first administrator</source>
        <translation>FaceGate — primer administrador</translation>
    </message>
    <message>
        <source>This workstation has no users yet. Make the administrator account: choose a sign-in name and a password of at least %1 characters that does not contain the name. There is no default password.</source>
        <translation>Este puesto aún no tiene usuarios. Cree la cuenta de administrador: elija un nombre de inicio de sesión y una contraseña de al menos %1 caracteres que no contenga el nombre. No hay contraseña predeterminada.</translation>
    </message>
    <message>
        <source>Sign-in &amp;name</source>
        <translation>&amp;Nombre de inicio de sesión</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nombre co&amp;mpleto</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation>&amp;Repetir contraseña</translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation>Crear &amp;administrador</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>I have added the key — &amp;sign in</source>
        <translation>He añadido la clave — &amp;iniciar sesión</translation>
    </message>
    <message>
        <source>The two passwords differ; type the password again in both fields.</source>
        <translation>Las dos contraseñas no coinciden; escriba la contraseña de nuevo en ambos campos.</translation>
    </message>
    <message>
        <source>The administrator was not created: %1</source>
        <translation>No se creó el administrador: %1</translation>
    </message>
    <message>
        <source>Then sign in with the name, the password and the app&apos;s code.</source>
        <translation>Después, inicie sesión con el nombre, la contraseña y el código de la aplicación.</translation>
    </message>
</context>
<context>
    <name>fg::Inspection</name>
    <message>
        <source>the gallery of %1 is empty: nobody to match against</source>
        <translation>la galería de %1 está vacía: no hay nadie con quien comparar</translation>
    </message>
    <message>
        <source>the document photo of %1 gave no face template</source>
        <translation>la foto del documento de %1 no dio ninguna plantilla facial</translation>
    </message>
    <message>
        <source>no reference chosen: load a flight&apos;s manifest (1:N) or a document photo (1:1)</source>
        <translation>no se eligió ninguna referencia: cargue el manifiesto de un vuelo (1:N) o la foto de un documento (1:1)</translation>
    </message>
</context>
<context>
    <name>fg::InspectionDesk</name>
    <message>
        <source>Not decided: %1</source>
        <translation>Sin decisión: %1</translation>
    </message>
    <message>
        <source>The encounter could not be stored: %1</source>
        <translation>No se pudo guardar el control: %1</translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation>No registrado: %1</translation>
    </message>
    <message>
        <source>Confirmed · encounter %1</source>
        <translation>Confirmado · control %1</translation>
    </message>
    <message>
        <source>Overridden, sent to the supervisor&apos;s queue · encounter %1</source>
        <translation>Decisión anulada, enviada a la cola del supervisor · control %1</translation>
    </message>
    <message>
        <source>Sent to secondary inspection · encounter %1</source>
        <translation>Enviado a inspección de segunda línea · control %1</translation>
    </message>
    <message>
        <source>Opt-out cannot be logged on this workstation: no records</source>
        <translation>La renuncia no se puede registrar en este puesto: no hay registros</translation>
    </message>
    <message>
        <source>The photo taken before the opt-out could not be deleted: %1</source>
        <translation>No se pudo eliminar la foto tomada antes de la renuncia: %1</translation>
    </message>
    <message>
        <source>%1 cannot take captures or record encounters: sign in as an officer</source>
        <translation>%1 no puede tomar capturas ni registrar encuentros: inicie sesión como agente</translation>
    </message>
    <message>
        <source>No decision: %1</source>
        <translation>Sin decisión: %1</translation>
    </message>
    <message>
        <source>the matching service cannot be used (%1)</source>
        <translation>no se puede usar el servicio de comparación (%1)</translation>
    </message>
    <message>
        <source>no reference chosen: load a flight&apos;s manifest (1:N) or a document photo (1:1)</source>
        <translation>no se eligió ninguna referencia: cargue el manifiesto de un vuelo (1:N) o la foto de un documento (1:1)</translation>
    </message>
    <message>
        <source>nothing was captured</source>
        <translation>no se capturó nada</translation>
    </message>
    <message>
        <source>No decision: the matching service refused the capture (%1)</source>
        <translation>Sin decisión: el servicio de comparación rechazó la captura (%1)</translation>
    </message>
    <message>
        <source>No decision: the matching service is unreachable (%1)</source>
        <translation>Sin decisión: no se puede contactar con el servicio de comparación (%1)</translation>
    </message>
    <message>
        <source>The traveler opted out: nothing is captured until Next traveler (Ctrl+N)</source>
        <translation>El viajero renunció: no se captura nada hasta Siguiente viajero (Ctrl+N)</translation>
    </message>
    <message>
        <source>The decision on screen was %1&apos;s: cleared for %2; capture the traveler again</source>
        <translation>La decisión en pantalla era de %1: se borró para %2; capture de nuevo al viajero</translation>
    </message>
    <message>
        <source>The decision on screen was made against the previous reference: cleared; capture the traveler again</source>
        <translation>La decisión en pantalla se tomó con la referencia anterior: se borró; capture de nuevo al viajero</translation>
    </message>
    <message>
        <source>the records closed first</source>
        <translation>los registros se cerraron antes</translation>
    </message>
    <message>
        <source>Storing the encounter…</source>
        <translation>Guardando el control…</translation>
    </message>
    <message>
        <source>The encounter of the previous decision could not be stored: %1</source>
        <translation>No se pudo guardar el control de la decisión anterior: %1</translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation>Registrando…</translation>
    </message>
    <message>
        <source>The action on encounter %1 was not recorded: %2</source>
        <translation>La acción sobre el control %1 no se registró: %2</translation>
    </message>
</context>
<context>
    <name>fg::LiveAnalysis</name>
    <message>
        <source>checking the face models</source>
        <translation>comprobando los modelos faciales</translation>
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
        <translation>Sesión bloqueada</translation>
    </message>
    <message>
        <source>No reference: choose a flight (Ctrl+M) or a document photo (Ctrl+D)</source>
        <translation>Sin referencia: elija un vuelo (Ctrl+M) o la foto de un documento (Ctrl+D)</translation>
    </message>
    <message>
        <source>Analysis — ms</source>
        <translation>Análisis — ms</translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation>&amp;Referencia</translation>
    </message>
    <message>
        <source>Flight &amp;manifest…</source>
        <translation>&amp;Manifiesto del vuelo…</translation>
    </message>
    <message>
        <source>Flight manifest</source>
        <translation>Manifiesto del vuelo</translation>
    </message>
    <message>
        <source>Manifests (*.csv)</source>
        <translation>Manifiestos (*.csv)</translation>
    </message>
    <message>
        <source>&amp;Document photo…</source>
        <translation>Foto del &amp;documento…</translation>
    </message>
    <message>
        <source>Document photo</source>
        <translation>Foto del documento</translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)</source>
        <translation>Imágenes (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <source>Capture from camera %1</source>
        <translation>Capturar con la cámara %1</translation>
    </message>
    <message>
        <source>Capturing from camera %1 (%2)</source>
        <translation>Capturando con la cámara %1 (%2)</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Capturar</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirmar</translation>
    </message>
    <message>
        <source>Override</source>
        <translation>Anular</translation>
    </message>
    <message>
        <source>Secondary</source>
        <translation>Segunda línea</translation>
    </message>
    <message>
        <source>Next traveler</source>
        <translation>Siguiente viajero</translation>
    </message>
    <message>
        <source>Opt-out</source>
        <translation>Renuncia</translation>
    </message>
    <message>
        <source>Opt-out: camera stopped for this traveler</source>
        <translation>Renuncia: cámara detenida para este viajero</translation>
    </message>
    <message>
        <source>Opt-out cancelled</source>
        <translation>Renuncia cancelada</translation>
    </message>
    <message>
        <source>Automatic capture</source>
        <translation>Captura automática</translation>
    </message>
    <message>
        <source>Automatic capture on</source>
        <translation>Captura automática activada</translation>
    </message>
    <message>
        <source>Automatic capture off</source>
        <translation>Captura automática desactivada</translation>
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
        <translation>Agente</translation>
    </message>
    <message>
        <source>Checkpoint officer</source>
        <translation>Agente de control</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation>Auditor</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrador</translation>
    </message>
    <message>
        <source>Unknown role</source>
        <translation>Función desconocida</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation>%1 fps</translation>
    </message>
    <message>
        <source>— fps</source>
        <translation>— fps</translation>
    </message>
    <message>
        <source>Analysis %1 ms</source>
        <translation>Análisis %1 ms</translation>
    </message>
    <message>
        <source>Language not changed: %1</source>
        <translation>Idioma no cambiado: %1</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>Alternate procedure %1 logged · camera stopped until Next traveler (Ctrl+N)</source>
        <translation>Procedimiento alternativo %1 registrado · cámara detenida hasta Siguiente viajero (Ctrl+N)</translation>
    </message>
    <message>
        <source>The traveler opted out: capture resumes with Next traveler (Ctrl+N)</source>
        <translation>El viajero renunció: la captura se reanuda con Siguiente viajero (Ctrl+N)</translation>
    </message>
</context>
<context>
    <name>fg::MatchClient</name>
    <message>
        <source>no client certificate is configured</source>
        <translation>no hay ningún certificado de cliente configurado</translation>
    </message>
    <message>
        <source>client certificate %1 cannot be read: %2</source>
        <translation>no se puede leer el certificado de cliente %1: %2</translation>
    </message>
    <message>
        <source>no client key is configured</source>
        <translation>no hay ninguna clave de cliente configurada</translation>
    </message>
    <message>
        <source>client key %1 cannot be read: %2</source>
        <translation>no se puede leer la clave de cliente %1: %2</translation>
    </message>
    <message>
        <source>no CA certificate is configured</source>
        <translation>no hay ningún certificado de CA configurado</translation>
    </message>
    <message>
        <source>CA certificate %1 cannot be read: %2</source>
        <translation>no se puede leer el certificado de CA %1: %2</translation>
    </message>
    <message>
        <source>the matching service&apos;s address %1 is not an https address</source>
        <translation>la dirección %1 del servicio de comparación no es una dirección https</translation>
    </message>
    <message>
        <source>client certificate %1 holds no PEM certificate</source>
        <translation>el certificado de cliente %1 no contiene ningún certificado PEM</translation>
    </message>
    <message>
        <source>client key %1 holds no unencrypted PEM EC or RSA private key</source>
        <translation>la clave de cliente %1 no contiene ninguna clave privada PEM EC o RSA sin cifrar</translation>
    </message>
    <message>
        <source>CA certificate %1 holds no PEM certificate</source>
        <translation>el certificado de CA %1 no contiene ningún certificado PEM</translation>
    </message>
    <message>
        <source>%1; loading gallery %2 again from %3 failed: %4</source>
        <translation>%1; no se pudo volver a cargar la galería %2 desde %3: %4</translation>
    </message>
    <message>
        <source>TLS error with %1: %2</source>
        <translation>error TLS con %1: %2</translation>
    </message>
    <message>
        <source>no answer from %1 within %2 s</source>
        <translation>sin respuesta de %1 en %2 s</translation>
    </message>
    <message>
        <source>the connection to %1 was refused</source>
        <translation>%1 rechazó la conexión</translation>
    </message>
    <message>
        <source>the service answered HTTP %1</source>
        <translation>el servicio respondió HTTP %1</translation>
    </message>
    <message>
        <source>the service answered HTTP %1: %2</source>
        <translation>el servicio respondió HTTP %1: %2</translation>
    </message>
    <message>
        <source>the service&apos;s answer is not a JSON object</source>
        <translation>la respuesta del servicio no es un objeto JSON</translation>
    </message>
    <message>
        <source>the service&apos;s answer cannot be read: %1</source>
        <translation>no se puede leer la respuesta del servicio: %1</translation>
    </message>
    <message>
        <source>no known decision in it</source>
        <translation>no contiene ninguna decisión conocida</translation>
    </message>
    <message>
        <source>no threshold in it</source>
        <translation>no contiene ningún umbral</translation>
    </message>
</context>
<context>
    <name>fg::MatchPanel</name>
    <message>
        <source>Capture</source>
        <translation>Captura</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Referencia</translation>
    </message>
    <message>
        <source>Confirm (Enter)</source>
        <translation>Confirmar (Enter)</translation>
    </message>
    <message>
        <source>Override… (Ctrl+O)</source>
        <translation>Anular… (Ctrl+O)</translation>
    </message>
    <message>
        <source>Secondary… (Ctrl+S)</source>
        <translation>Segunda línea… (Ctrl+S)</translation>
    </message>
    <message>
        <source>Next traveler (Ctrl+N)</source>
        <translation>Siguiente viajero (Ctrl+N)</translation>
    </message>
    <message>
        <source>MATCH</source>
        <translation>COINCIDE</translation>
    </message>
    <message>
        <source>NO MATCH</source>
        <translation>NO COINCIDE</translation>
    </message>
    <message>
        <source>NO FACE</source>
        <translation>SIN ROSTRO</translation>
    </message>
    <message>
        <source>POOR QUALITY</source>
        <translation>CALIDAD INSUFICIENTE</translation>
    </message>
    <message>
        <source>Waiting for the traveler</source>
        <translation>Esperando al viajero</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>No capture</source>
        <translation>Sin captura</translation>
    </message>
    <message>
        <source>Reference photo unavailable</source>
        <translation>Foto de referencia no disponible</translation>
    </message>
    <message>
        <source>No reference</source>
        <translation>Sin referencia</translation>
    </message>
    <message>
        <source>Traveler %1</source>
        <translation>Viajero %1</translation>
    </message>
    <message>
        <source>Nationality: %1</source>
        <translation>Nacionalidad: %1</translation>
    </message>
    <message>
        <source>Document: %1</source>
        <translation>Documento: %1</translation>
    </message>
    <message>
        <source>Traveler id: %1</source>
        <translation>Id. de viajero: %1</translation>
    </message>
    <message>
        <source>Shown: the closest gallery member, below the threshold</source>
        <translation>Se muestra: la persona más parecida de la galería, por debajo del umbral</translation>
    </message>
    <message>
        <source>Quality: %1</source>
        <translation>Calidad: %1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Override the decision</source>
        <translation>Anular la decisión</translation>
    </message>
    <message>
        <source>Why is the decision overridden? (required)</source>
        <translation>¿Por qué se anula la decisión? (obligatorio)</translation>
    </message>
    <message>
        <source>Send to secondary inspection</source>
        <translation>Enviar a inspección de segunda línea</translation>
    </message>
    <message>
        <source>Reason (optional):</source>
        <translation>Motivo (opcional):</translation>
    </message>
    <message>
        <source>NO DECISION</source>
        <translation>SIN DECISIÓN</translation>
    </message>
    <message>
        <source>Not overridden: an override needs its reason.</source>
        <translation>No anulada: una anulación necesita su motivo.</translation>
    </message>
    <message>
        <source>Passport chip: %1</source>
        <translation>Chip del pasaporte: %1</translation>
    </message>
    <message>
        <source>The passport&apos;s chip is not genuine: the decision cannot be confirmed. Override it with a reason or send the traveler to secondary; the encounter is in the supervisor&apos;s queue.</source>
        <translation>El chip del pasaporte no es auténtico: la decisión no se puede confirmar. Anúlela indicando un motivo o envíe al viajero a segunda línea; el control está en la cola del supervisor.</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: not measured (%2)</source>
        <translation>%1: no medido (%2)</translation>
    </message>
    <message>
        <source>Frames with a face: %1; without: %2</source>
        <translation>Imágenes con rostro: %1; sin rostro: %2</translation>
    </message>
    <message>
        <source>Threshold calibrated on %1 at BPCER %2</source>
        <translation>Umbral calibrado con %1 a una BPCER de %2</translation>
    </message>
    <message>
        <source>Possible presentation attack (score %1, threshold %2)</source>
        <translation>Posible ataque de presentación (puntuación %1, umbral %2)</translation>
    </message>
    <message>
        <source>Live face (score %1, threshold %2)</source>
        <translation>Rostro vivo (puntuación %1, umbral %2)</translation>
    </message>
    <message>
        <source>Presentation attack not assessed: %1</source>
        <translation>Ataque de presentación no evaluado: %1</translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation>sin motivo indicado</translation>
    </message>
    <message>
        <source>Possible presentation attack (a photo or a screen held up to the camera): the decision cannot be confirmed. Override it with a reason or send the traveler to secondary; the encounter is in the supervisor&apos;s queue.</source>
        <translation>Posible ataque de presentación (una foto o una pantalla ante la cámara): la decisión no se puede confirmar. Anúlela indicando un motivo o envíe al viajero a inspección secundaria; el control está en la cola del supervisor.</translation>
    </message>
    <message>
        <source>Reading the reference photo…</source>
        <translation>Leyendo la foto de referencia…</translation>
    </message>
</context>
<context>
    <name>fg::Mrz</name>
    <message>
        <source>input</source>
        <translation>entrada</translation>
    </message>
    <message>
        <source>line length</source>
        <translation>longitud de línea</translation>
    </message>
    <message>
        <source>document code</source>
        <translation>código de documento</translation>
    </message>
    <message>
        <source>issuing state</source>
        <translation>Estado emisor</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nombre</translation>
    </message>
    <message>
        <source>document number</source>
        <translation>número de documento</translation>
    </message>
    <message>
        <source>document number check digit</source>
        <translation>dígito de control del número de documento</translation>
    </message>
    <message>
        <source>nationality</source>
        <translation>nacionalidad</translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation>fecha de nacimiento</translation>
    </message>
    <message>
        <source>date of birth check digit</source>
        <translation>dígito de control de la fecha de nacimiento</translation>
    </message>
    <message>
        <source>sex</source>
        <translation>sexo</translation>
    </message>
    <message>
        <source>date of expiry</source>
        <translation>fecha de caducidad</translation>
    </message>
    <message>
        <source>date of expiry check digit</source>
        <translation>dígito de control de la fecha de caducidad</translation>
    </message>
    <message>
        <source>personal number</source>
        <translation>número personal</translation>
    </message>
    <message>
        <source>optional data (line 1)</source>
        <translation>datos opcionales (línea 1)</translation>
    </message>
    <message>
        <source>optional data</source>
        <translation>datos opcionales</translation>
    </message>
    <message>
        <source>personal number check digit</source>
        <translation>dígito de control del número personal</translation>
    </message>
    <message>
        <source>optional data (line 2)</source>
        <translation>datos opcionales (línea 2)</translation>
    </message>
    <message>
        <source>composite check digit</source>
        <translation>dígito de control compuesto</translation>
    </message>
    <message>
        <source>January</source>
        <translation>enero</translation>
    </message>
    <message>
        <source>February</source>
        <translation>febrero</translation>
    </message>
    <message>
        <source>March</source>
        <translation>marzo</translation>
    </message>
    <message>
        <source>April</source>
        <translation>abril</translation>
    </message>
    <message>
        <source>May</source>
        <translation>mayo</translation>
    </message>
    <message>
        <source>June</source>
        <translation>junio</translation>
    </message>
    <message>
        <source>July</source>
        <translation>julio</translation>
    </message>
    <message>
        <source>August</source>
        <translation>agosto</translation>
    </message>
    <message>
        <source>September</source>
        <translation>septiembre</translation>
    </message>
    <message>
        <source>October</source>
        <translation>octubre</translation>
    </message>
    <message>
        <source>November</source>
        <translation>noviembre</translation>
    </message>
    <message>
        <source>December</source>
        <translation>diciembre</translation>
    </message>
    <message>
        <source>the date of birth %1 is not six digits YYMMDD</source>
        <translation>la fecha de nacimiento %1 no tiene seis dígitos AAMMDD</translation>
    </message>
    <message>
        <source>the date of expiry %1 is not six digits YYMMDD</source>
        <translation>la fecha de caducidad %1 no tiene seis dígitos AAMMDD</translation>
    </message>
    <message>
        <source>the date of birth %1 is not a calendar date: there is no month %2</source>
        <translation>la fecha de nacimiento %1 no es una fecha válida: no existe el mes %2</translation>
    </message>
    <message>
        <source>the date of expiry %1 is not a calendar date: there is no month %2</source>
        <translation>la fecha de caducidad %1 no es una fecha válida: no existe el mes %2</translation>
    </message>
    <message>
        <source>the date of birth %1 is not a calendar date: %2 %3 has no day %4</source>
        <translation>la fecha de nacimiento %1 no es una fecha válida: %2 de %3 no tiene día %4</translation>
    </message>
    <message>
        <source>the date of expiry %1 is not a calendar date: %2 %3 has no day %4</source>
        <translation>la fecha de caducidad %1 no es una fecha válida: %2 de %3 no tiene día %4</translation>
    </message>
    <message>
        <source>the document code is missing</source>
        <translation>falta el código de documento</translation>
    </message>
    <message>
        <source>a passport&apos;s (TD3) document code starts with P, the MRZ has %1</source>
        <translation>el código de documento de un pasaporte (TD3) empieza por P; la MRZ tiene %1</translation>
    </message>
    <message>
        <source>a visa&apos;s document code starts with V, the MRZ has %1</source>
        <translation>el código de documento de un visado empieza por V; la MRZ tiene %1</translation>
    </message>
    <message>
        <source>a %1 card&apos;s document code starts with A, C or I, the MRZ has %2</source>
        <translation>el código de documento de una tarjeta %1 empieza por A, C o I; la MRZ tiene %2</translation>
    </message>
    <message>
        <source>V may not follow %1 in a card&apos;s document code (Doc 9303 keeps it for visas)</source>
        <translation>en el código de documento de una tarjeta, V no puede seguir a %1 (el Doc 9303 la reserva para los visados)</translation>
    </message>
    <message>
        <source>the second character of the document code is a letter or &lt;, the MRZ has %1</source>
        <translation>el segundo carácter del código de documento es una letra o &lt;; la MRZ tiene %1</translation>
    </message>
    <message>
        <source>the issuing state is not given (only fillers)</source>
        <translation>no se indica el Estado emisor (solo caracteres de relleno)</translation>
    </message>
    <message>
        <source>the nationality is not given (only fillers)</source>
        <translation>no se indica la nacionalidad (solo caracteres de relleno)</translation>
    </message>
    <message>
        <source>the issuing state %1 holds the digit %2; a state code is letters (e.g. UTO, D&lt;&lt;)</source>
        <translation>el Estado emisor %1 contiene el dígito %2; un código de Estado se compone de letras (p. ej., UTO, D&lt;&lt;)</translation>
    </message>
    <message>
        <source>the nationality %1 holds the digit %2; a state code is letters (e.g. UTO, D&lt;&lt;)</source>
        <translation>la nacionalidad %1 contiene el dígito %2; un código de Estado se compone de letras (p. ej., UTO, D&lt;&lt;)</translation>
    </message>
    <message>
        <source>the issuing state %1 has a filler before a letter; a state code is letters filled at the end with &lt;</source>
        <translation>el Estado emisor %1 tiene un carácter de relleno antes de una letra; un código de Estado se compone de letras, con el relleno &lt; al final</translation>
    </message>
    <message>
        <source>the nationality %1 has a filler before a letter; a state code is letters filled at the end with &lt;</source>
        <translation>la nacionalidad %1 tiene un carácter de relleno antes de una letra; un código de Estado se compone de letras, con el relleno &lt; al final</translation>
    </message>
    <message>
        <source>the sex is M, F, X or &lt; (unspecified), the MRZ has %1</source>
        <translation>el sexo es M, F, X o &lt; (no especificado); la MRZ tiene %1</translation>
    </message>
    <message>
        <source>the document number is empty (only fillers)</source>
        <translation>el número de documento está vacío (solo caracteres de relleno)</translation>
    </message>
    <message>
        <source>the name is empty (only fillers)</source>
        <translation>el nombre está vacío (solo caracteres de relleno)</translation>
    </message>
    <message>
        <source>the name %1 holds the digit %2; a name is letters and fillers</source>
        <translation>el nombre %1 contiene el dígito %2; un nombre se compone de letras y caracteres de relleno</translation>
    </message>
    <message>
        <source>the name starts with a filler; it starts with the primary identifier</source>
        <translation>el nombre empieza por un carácter de relleno; debe empezar por el identificador primario</translation>
    </message>
    <message>
        <source>the name has three or more fillers in a row before its end</source>
        <translation>el nombre tiene tres o más caracteres de relleno seguidos antes de su final</translation>
    </message>
    <message>
        <source>the name has more than one &lt;&lt; separator; only the primary and secondary identifiers are separated by &lt;&lt;</source>
        <translation>el nombre tiene más de un separador &lt;&lt;; solo los identificadores primario y secundario se separan con &lt;&lt;</translation>
    </message>
    <message>
        <source>the date of birth %1 is partly unknown (the whole date written as fillers)</source>
        <translation>la fecha de nacimiento %1 es parcialmente desconocida (toda la fecha figura con caracteres de relleno)</translation>
    </message>
    <message>
        <source>the date of birth %1 is partly unknown (month and day written as fillers)</source>
        <translation>la fecha de nacimiento %1 es parcialmente desconocida (el mes y el día figuran con caracteres de relleno)</translation>
    </message>
    <message>
        <source>the date of birth %1 is partly unknown (day written as fillers)</source>
        <translation>la fecha de nacimiento %1 es parcialmente desconocida (el día figura con caracteres de relleno)</translation>
    </message>
    <message>
        <source>the MRZ is empty</source>
        <translation>la MRZ está vacía</translation>
    </message>
    <message>
        <source>the text is %1 characters long; an MRZ has at most 90</source>
        <translation>el texto tiene %1 caracteres; una MRZ tiene como máximo 90</translation>
    </message>
    <message>
        <source>line count</source>
        <translation>número de líneas</translation>
    </message>
    <message>
        <source>one line of %1 characters; an MRZ has 2 lines of 44 characters (passport, visa MRV-A), 2 of 36 (TD2 card, visa MRV-B) or 3 of 30 (TD1 card); a reader&apos;s single line has 88, 72 or 90</source>
        <translation>una línea de %1 caracteres; una MRZ tiene 2 líneas de 44 caracteres (pasaporte, visado MRV-A), 2 de 36 (tarjeta TD2, visado MRV-B) o 3 de 30 (tarjeta TD1); la línea única de un lector tiene 88, 72 o 90</translation>
    </message>
    <message>
        <source>%1 lines; an MRZ has 2 lines of 44 characters (passport, visa MRV-A), 2 of 36 (TD2 card, visa MRV-B) or 3 of 30 (TD1 card); a reader&apos;s single line has 88, 72 or 90</source>
        <translation>%1 líneas; una MRZ tiene 2 líneas de 44 caracteres (pasaporte, visado MRV-A), 2 de 36 (tarjeta TD2, visado MRV-B) o 3 de 30 (tarjeta TD1); la línea única de un lector tiene 88, 72 o 90</translation>
    </message>
    <message>
        <source>2 lines of 30 characters: a TD1 card has 3 lines of 30, one is missing</source>
        <translation>2 líneas de 30 caracteres: una tarjeta TD1 tiene 3 líneas de 30; falta una</translation>
    </message>
    <message>
        <source>%1 for %2 at column %3</source>
        <translation>%1 en lugar de %2 en la columna %3</translation>
    </message>
    <message>
        <source>a space</source>
        <translation>un espacio</translation>
    </message>
    <message>
        <source>a tab</source>
        <translation>un tabulador</translation>
    </message>
    <message>
        <source>check digit of the date of birth is %1, the MRZ says %2</source>
        <translation>el dígito de control de la fecha de nacimiento es %1; la MRZ indica %2</translation>
    </message>
    <message>
        <source>check digit of the date of expiry is %1, the MRZ says %2</source>
        <translation>el dígito de control de la fecha de caducidad es %1; la MRZ indica %2</translation>
    </message>
    <message>
        <source>did you mean %1 instead of %2 (%3)?</source>
        <translation>¿quiso decir %1 en lugar de %2 (%3)?</translation>
    </message>
    <message>
        <source>line %1 has %2 characters; a %3 line has %4</source>
        <translation>la línea %1 tiene %2 caracteres; una línea %3 tiene %4</translation>
    </message>
    <message>
        <source>line %1 length</source>
        <translation>longitud de la línea %1</translation>
    </message>
    <message>
        <source>line %1, column %2 (%3): %4 is not an MRZ character (A-Z, 0-9 and &lt;)</source>
        <translation>línea %1, columna %2 (%3): %4 no es un carácter de MRZ (A-Z, 0-9 y &lt;)</translation>
    </message>
    <message numerus="yes">
        <source>%n more characters are outside A-Z, 0-9 and &lt;</source>
        <translation>
            <numerusform>%n carácter más está fuera de A-Z, 0-9 y &lt;</numerusform>
            <numerusform>%n caracteres más están fuera de A-Z, 0-9 y &lt;</numerusform>
        </translation>
    </message>
    <message>
        <source>characters</source>
        <translation>caracteres</translation>
    </message>
    <message>
        <source>check digit of the document number is %1, the MRZ says %2</source>
        <translation>el dígito de control del número de documento es %1; la MRZ indica %2</translation>
    </message>
    <message>
        <source>the document number check digit is &lt;, which means the number continues in the optional data (Part 5, 4.2.4), but the number does not fill columns 6 to 14</source>
        <translation>el dígito de control del número de documento es &lt;, lo que significa que el número continúa en los datos opcionales (Parte 5, 4.2.4), pero el número no ocupa las columnas 6 a 14</translation>
    </message>
    <message>
        <source>the document number check digit is &lt;, which means the number continues in the optional data (Part 5, 4.2.4), but the optional data does not continue it with at least one character and a check digit</source>
        <translation>el dígito de control del número de documento es &lt;, lo que significa que el número continúa en los datos opcionales (Parte 5, 4.2.4), pero los datos opcionales no lo continúan con al menos un carácter y un dígito de control</translation>
    </message>
    <message>
        <source>check digit of the personal number is %1, the MRZ says %2</source>
        <translation>el dígito de control del número personal es %1; la MRZ indica %2</translation>
    </message>
    <message>
        <source>composite check digit is %1, the MRZ says %2 (it covers a field found at fault above)</source>
        <translation>el dígito de control compuesto es %1; la MRZ indica %2 (abarca un campo con errores señalado arriba)</translation>
    </message>
    <message>
        <source>composite check digit is %1, the MRZ says %2; the other check digits hold, so the optional data (line 1 or line 2) or this digit is misread</source>
        <translation>el dígito de control compuesto es %1; la MRZ indica %2; los demás dígitos de control son correctos, así que se han leído mal los datos opcionales (línea 1 o línea 2) o este dígito</translation>
    </message>
    <message>
        <source>composite check digit is %1, the MRZ says %2; the other check digits hold, so the optional data or this digit is misread</source>
        <translation>el dígito de control compuesto es %1; la MRZ indica %2; los demás dígitos de control son correctos, así que se han leído mal los datos opcionales o este dígito</translation>
    </message>
    <message>
        <source>composite check digit is %1, the MRZ says %2; the other check digits hold, so this digit is misread</source>
        <translation>el dígito de control compuesto es %1; la MRZ indica %2; los demás dígitos de control son correctos, así que se ha leído mal este dígito</translation>
    </message>
    <message>
        <source>the date of birth %1 holds %2 at column %3; a date is six digits YYMMDD</source>
        <translation>la fecha de nacimiento %1 contiene %2 en la columna %3; una fecha son seis dígitos AAMMDD</translation>
    </message>
    <message>
        <source>the date of expiry %1 holds %2 at column %3; a date is six digits YYMMDD</source>
        <translation>la fecha de caducidad %1 contiene %2 en la columna %3; una fecha son seis dígitos AAMMDD</translation>
    </message>
    <message>
        <source>the date of expiry %1 is before the date of birth %2</source>
        <translation>la fecha de caducidad %1 es anterior a la fecha de nacimiento %2</translation>
    </message>
    <message>
        <source>the document expired on %1 (today is %2)</source>
        <translation>el documento caducó el %1 (hoy es %2)</translation>
    </message>
    <message>
        <source>reference date</source>
        <translation>fecha de referencia</translation>
    </message>
    <message>
        <source>today&apos;s date is not valid: the dates are not resolved and expiry is not checked</source>
        <translation>la fecha de hoy no es válida: no se resuelven las fechas ni se comprueba la caducidad</translation>
    </message>
</context>
<context>
    <name>fg::OptOutDialog</name>
    <message>
        <source>passport</source>
        <translation>pasaporte</translation>
    </message>
    <message>
        <source>identity card</source>
        <translation>documento de identidad</translation>
    </message>
    <message>
        <source>visa</source>
        <translation>visado</translation>
    </message>
    <message>
        <source>document</source>
        <translation>documento</translation>
    </message>
    <message>
        <source>The document photo shows the traveler</source>
        <translation>La foto del documento muestra al viajero</translation>
    </message>
    <message>
        <source>The data page agrees with the MRZ</source>
        <translation>La página de datos coincide con la MRZ</translation>
    </message>
    <message>
        <source>Security features present (hologram, UV, microprint)</source>
        <translation>Elementos de seguridad presentes (holograma, UV, microimpresión)</translation>
    </message>
    <message>
        <source>No sign of tampering (laminate, pages, stitching)</source>
        <translation>Sin indicios de manipulación (laminado, páginas, costura)</translation>
    </message>
    <message>
        <source>The document has not expired</source>
        <translation>El documento no ha caducado</translation>
    </message>
    <message>
        <source>Opt-out: manual document verification</source>
        <translation>Renuncia: verificación manual del documento</translation>
    </message>
    <message>
        <source>The traveler declined the photo. No photo is taken or kept; verify the document by hand and log the alternate procedure.</source>
        <translation>El viajero ha rechazado la foto. No se toma ni se guarda ninguna foto; verifique el documento manualmente y registre el procedimiento alternativo.</translation>
    </message>
    <message>
        <source>&amp;MRZ</source>
        <translation>&amp;MRZ</translation>
    </message>
    <message>
        <source>Type, paste or scan the machine-readable zone</source>
        <translation>Escriba, pegue o escanee la zona de lectura mecánica</translation>
    </message>
    <message>
        <source>&amp;Apply suggestion</source>
        <translation>A&amp;plicar sugerencia</translation>
    </message>
    <message>
        <source>from the MRZ, or as on the document</source>
        <translation>de la MRZ, o como figura en el documento</translation>
    </message>
    <message>
        <source>required unless verified</source>
        <translation>obligatorio salvo si está verificado</translation>
    </message>
    <message>
        <source>Verified</source>
        <translation>Verificado</translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation>No verificado</translation>
    </message>
    <message>
        <source>Referred to secondary</source>
        <translation>Enviado a segunda línea</translation>
    </message>
    <message>
        <source>Visual checks</source>
        <translation>Comprobaciones visuales</translation>
    </message>
    <message>
        <source>not done</source>
        <translation>no realizada</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>superada</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>no superada</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>no aplicable</translation>
    </message>
    <message>
        <source>&amp;Nationality</source>
        <translation>&amp;Nacionalidad</translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation>&amp;Resultado</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>M&amp;otivo</translation>
    </message>
    <message>
        <source>&amp;Log alternate procedure</source>
        <translation>Re&amp;gistrar procedimiento alternativo</translation>
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
        <translation>✓ La MRZ es correcta.</translation>
    </message>
    <message>
        <source>%1 · %2 · issued by %3</source>
        <translation>%1 · %2 · expedido por %3</translation>
    </message>
    <message>
        <source>Name: %1 %2</source>
        <translation>Nombre: %1 %2</translation>
    </message>
    <message>
        <source>Document number: %1 · nationality %2</source>
        <translation>Número de documento: %1 · nacionalidad %2</translation>
    </message>
    <message>
        <source>Born %1 · sex %2 · expires %3</source>
        <translation>Nacimiento %1 · sexo %2 · caduca %3</translation>
    </message>
    <message>
        <source>Not logged: the MRZ could not be read; type it as printed on the document.</source>
        <translation>No registrado: no se pudo leer la MRZ; escríbala tal como figura en el documento.</translation>
    </message>
    <message>
        <source>Not logged: %1</source>
        <translation>No registrado: %1</translation>
    </message>
    <message>
        <source>Not logged: the MRZ has errors (above); correct it, or log the document as not verified with the reason.</source>
        <translation>No registrado: la MRZ tiene errores (arriba); corríjala, o registre el documento como no verificado con el motivo.</translation>
    </message>
    <message>
        <source>The data page agrees with the chip</source>
        <translation>La página de datos coincide con el chip</translation>
    </message>
    <message>
        <source>The chip proves the document genuine</source>
        <translation>El chip prueba que el documento es auténtico</translation>
    </message>
    <message>
        <source>Not logged: the passport&apos;s chip is not genuine; log the document as not verified or refer the traveler to secondary, with the reason.</source>
        <translation>No registrado: el chip del pasaporte no es auténtico; registre el documento como no verificado o envíe al viajero a segunda línea, con el motivo.</translation>
    </message>
</context>
<context>
    <name>fg::PasswordPolicy</name>
    <message>
        <source>the password is not valid UTF-8 text</source>
        <translation>la contraseña no es texto UTF-8 válido</translation>
    </message>
    <message>
        <source>the password is too short: it must have at least %1 characters (it has %2)</source>
        <translation>la contraseña es demasiado corta: debe tener al menos %1 caracteres (tiene %2)</translation>
    </message>
    <message>
        <source>the password is too long: it may have at most %1 characters</source>
        <translation>la contraseña es demasiado larga: puede tener como máximo %1 caracteres</translation>
    </message>
    <message>
        <source>the password must not contain the user name &quot;%1&quot;</source>
        <translation>la contraseña no debe contener el nombre de usuario «%1»</translation>
    </message>
    <message>
        <source>at least %1 characters, not containing the user name</source>
        <translation>al menos %1 caracteres, sin el nombre de usuario</translation>
    </message>
</context>
<context>
    <name>fg::QualityWords</name>
    <message>
        <source>too far</source>
        <translation>demasiado lejos</translation>
    </message>
    <message>
        <source>turn head</source>
        <translation>gire la cabeza</translation>
    </message>
    <message>
        <source>look straight</source>
        <translation>mire de frente</translation>
    </message>
    <message>
        <source>straighten head</source>
        <translation>enderece la cabeza</translation>
    </message>
    <message>
        <source>blurred</source>
        <translation>borrosa</translation>
    </message>
    <message>
        <source>too dark</source>
        <translation>demasiado oscura</translation>
    </message>
    <message>
        <source>too bright</source>
        <translation>demasiado clara</translation>
    </message>
    <message>
        <source>eyes closed</source>
        <translation>ojos cerrados</translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) in view</source>
        <translation>
            <numerusform>%n rostro a la vista</numerusform>
            <numerusform>%n rostros a la vista</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fg::QueuePanel</name>
    <message>
        <source>The no-match queue is for supervisors and auditors.</source>
        <translation>La cola de no coincidencias es para supervisores y auditores.</translation>
    </message>
    <message>
        <source>The queue could not be read: %1</source>
        <translation>No se pudo leer la cola: %1</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>Mo&amp;tivo</translation>
    </message>
    <message>
        <source>S&amp;tate</source>
        <translation>&amp;Estado</translation>
    </message>
    <message>
        <source>Entered</source>
        <translation>Entrada en la cola</translation>
    </message>
    <message>
        <source>&amp;Flight</source>
        <translation>&amp;Vuelo</translation>
    </message>
    <message>
        <source>Ca&amp;mera</source>
        <translation>Cá&amp;mara</translation>
    </message>
    <message>
        <source>&amp;Officer</source>
        <translation>A&amp;gente</translation>
    </message>
    <message>
        <source>any flight</source>
        <translation>cualquier vuelo</translation>
    </message>
    <message>
        <source>any camera</source>
        <translation>cualquier cámara</translation>
    </message>
    <message>
        <source>any officer (user name)</source>
        <translation>cualquier agente (nombre de usuario)</translation>
    </message>
    <message>
        <source>every reason</source>
        <translation>todos los motivos</translation>
    </message>
    <message>
        <source>open or claimed</source>
        <translation>abierto o asignado</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>claimed</source>
        <translation>asignado</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelto</translation>
    </message>
    <message>
        <source>any state</source>
        <translation>cualquier estado</translation>
    </message>
    <message>
        <source>any time</source>
        <translation>en cualquier momento</translation>
    </message>
    <message>
        <source>in the last 24 hours</source>
        <translation>en las últimas 24 horas</translation>
    </message>
    <message>
        <source>in the last 7 days</source>
        <translation>en los últimos 7 días</translation>
    </message>
    <message>
        <source>in the last 30 days</source>
        <translation>en los últimos 30 días</translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation>◀ A&amp;nterior</translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation>&amp;Siguiente ▶</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>Actualizar (F5)</translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation>&amp;Revisar…</translation>
    </message>
    <message>
        <source>&amp;Claim and review (Ctrl+K)</source>
        <translation>&amp;Asignarme y revisar (Ctrl+K)</translation>
    </message>
    <message>
        <source>No items match.</source>
        <translation>Ningún elemento coincide.</translation>
    </message>
    <message>
        <source>Items %1–%2 of %3 · page %4 of %5</source>
        <translation>Elementos %1–%2 de %3 · página %4 de %5</translation>
    </message>
</context>
<context>
    <name>fg::QueueTableModel</name>
    <message>
        <source>Waiting</source>
        <translation>En espera</translation>
    </message>
    <message>
        <source>Entered the queue</source>
        <translation>Entrada en la cola</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Flight</source>
        <translation>Vuelo</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>overdue · %1</source>
        <translation>con retraso · %1</translation>
    </message>
    <message>
        <source>claimed by %1</source>
        <translation>asignado a %1</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ninguno</translation>
    </message>
    <message>
        <source>%1 (threshold %2)</source>
        <translation>%1 (umbral %2)</translation>
    </message>
    <message>
        <source>sent to secondary by the officer</source>
        <translation>enviado a segunda línea por el agente</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>no coincidencia</translation>
    </message>
    <message>
        <source>poor quality</source>
        <translation>calidad insuficiente</translation>
    </message>
    <message>
        <source>officer override</source>
        <translation>decisión anulada por el agente</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>claimed</source>
        <translation>asignado</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelto</translation>
    </message>
    <message>
        <source>identity confirmed (false non-match)</source>
        <translation>identidad confirmada (falsa no coincidencia)</translation>
    </message>
    <message>
        <source>referred to secondary inspection</source>
        <translation>enviado a inspección de segunda línea</translation>
    </message>
    <message>
        <source>suspected impostor</source>
        <translation>presunto impostor</translation>
    </message>
    <message>
        <source>capture problem (lighting, camera, pose)</source>
        <translation>problema de captura (iluminación, cámara, postura)</translation>
    </message>
    <message>
        <source>no decision</source>
        <translation>sin decisión</translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation>menos de un minuto</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 d %2 h</translation>
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
        <translation>documento no auténtico (chip)</translation>
    </message>
    <message>
        <source>presentation attack (photo or screen)</source>
        <translation>ataque de presentación (foto o pantalla)</translation>
    </message>
</context>
<context>
    <name>fg::ReferenceLoader</name>
    <message>
        <source>line %1 (%2): %3</source>
        <translation>línea %1 (%2): %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>fg::ReportBuilder</name>
    <message>
        <source>no match</source>
        <translation>no coincidencia</translation>
    </message>
    <message>
        <source>poor quality</source>
        <translation>calidad insuficiente</translation>
    </message>
    <message>
        <source>officer&apos;s override or referral</source>
        <translation>decisión anulada o envío a segunda línea por el agente</translation>
    </message>
    <message>
        <source>open</source>
        <translation>abierto</translation>
    </message>
    <message>
        <source>claimed</source>
        <translation>asignado</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>resuelto</translation>
    </message>
    <message>
        <source>identity confirmed</source>
        <translation>identidad confirmada</translation>
    </message>
    <message>
        <source>secondary inspection</source>
        <translation>inspección de segunda línea</translation>
    </message>
    <message>
        <source>suspected impostor</source>
        <translation>presunto impostor</translation>
    </message>
    <message>
        <source>capture problem</source>
        <translation>problema de captura</translation>
    </message>
    <message>
        <source>verified</source>
        <translation>verificado</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>no verificado</translation>
    </message>
    <message>
        <source>referred to secondary</source>
        <translation>enviado a segunda línea</translation>
    </message>
    <message>
        <source>entry</source>
        <translation>entrada</translation>
    </message>
    <message>
        <source>exit</source>
        <translation>salida</translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation>punto de control</translation>
    </message>
    <message>
        <source>match</source>
        <translation>coincidencia</translation>
    </message>
    <message>
        <source>no face</source>
        <translation>sin rostro</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>foto</translation>
    </message>
    <message>
        <source>template</source>
        <translation>plantilla</translation>
    </message>
    <message>
        <source>the reports are for supervisors, auditors and administrators; this user&apos;s role is %1</source>
        <translation>los informes son para supervisores, auditores y administradores; la función de este usuario es %1</translation>
    </message>
    <message>
        <source>From %1 to %2 (UTC, the end excluded)</source>
        <translation>Del %1 al %2 (UTC, fin excluido)</translation>
    </message>
    <message>
        <source>From %1 on (UTC)</source>
        <translation>Desde el %1 (UTC)</translation>
    </message>
    <message>
        <source>Before %1 (UTC)</source>
        <translation>Antes del %1 (UTC)</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Todas las fechas</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>Elemento</translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation>Control</translation>
    </message>
    <message>
        <source>Entered queue</source>
        <translation>Entrada en la cola</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Motivo</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation>Asignado a</translation>
    </message>
    <message>
        <source>Flight</source>
        <translation>Vuelo</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Umbral</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>Fecha de decisión</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Items that entered the queue: %1 (%2)</source>
        <translation>Elementos que entraron en la cola: %1 (%2)</translation>
    </message>
    <message>
        <source>Their state now: %1</source>
        <translation>Su estado actual: %1</translation>
    </message>
    <message>
        <source>Supervisors&apos; decisions: %1 (%2)</source>
        <translation>Decisiones de los supervisores: %1 (%2)</translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation>Procedimiento</translation>
    </message>
    <message>
        <source>Logged at</source>
        <translation>Fecha de registro</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Camera or lane</source>
        <translation>Cámara o carril</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Tipo</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <source>Document kind</source>
        <translation>Tipo de documento</translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation>Estado emisor</translation>
    </message>
    <message>
        <source>Failed checks</source>
        <translation>Comprobaciones no superadas</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Resultado</translation>
    </message>
    <message>
        <source>Alternate procedures: %1 (%2)</source>
        <translation>Procedimientos alternativos: %1 (%2)</translation>
    </message>
    <message>
        <source>By officer: %1</source>
        <translation>Por agente: %1</translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation>Fecha de eliminación</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Registro</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>Regla</translation>
    </message>
    <message>
        <source>Verified at</source>
        <translation>Fecha de verificación</translation>
    </message>
    <message>
        <source>Due at</source>
        <translation>Vencimiento</translation>
    </message>
    <message>
        <source>Deleted by</source>
        <translation>Eliminado por</translation>
    </message>
    <message>
        <source>Records deleted: %1</source>
        <translation>Registros eliminados: %1</translation>
    </message>
    <message>
        <source>Photos deleted by rule %1: %2</source>
        <translation>Fotos eliminadas según la regla %1: %2</translation>
    </message>
    <message>
        <source>Templates deleted by rule %1: %2</source>
        <translation>Plantillas eliminadas según la regla %1: %2</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evento</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Fecha</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>Autor</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Objeto</translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation>Finalidad</translation>
    </message>
    <message>
        <source>Key accesses: %1</source>
        <translation>Accesos a la clave: %1</translation>
    </message>
    <message>
        <source>By action: %1</source>
        <translation>Por acción: %1</translation>
    </message>
    <message>
        <source>By actor: %1</source>
        <translation>Por autor: %1</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detalles</translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation>Eventos: %1</translation>
    </message>
    <message>
        <source>Hash chain of the whole log: intact (%1 events)</source>
        <translation>Cadena de hash de todo el registro: íntegra (%1 eventos)</translation>
    </message>
    <message>
        <source>Hash chain of the whole log: BROKEN at event %1: %2</source>
        <translation>Cadena de hash de todo el registro: ROTA en el evento %1: %2</translation>
    </message>
    <message>
        <source>Hash chain of the whole log: NOT VERIFIED (no audit key)</source>
        <translation>Cadena de hash de todo el registro: NO VERIFICADA (sin clave de auditoría)</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Organismo asociado</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decisión</translation>
    </message>
    <message>
        <source>Purge attestation</source>
        <translation>Certificado de purga</translation>
    </message>
    <message>
        <source>no attestation recorded</source>
        <translation>ningún certificado registrado</translation>
    </message>
    <message>
        <source>Partner submissions: %1</source>
        <translation>Envíos a organismos asociados: %1</translation>
    </message>
    <message>
        <source>By partner: %1</source>
        <translation>Por organismo asociado: %1</translation>
    </message>
    <message>
        <source>No-match queue and resolutions</source>
        <translation>Cola de no coincidencias y resoluciones</translation>
    </message>
    <message>
        <source>Alternate procedures</source>
        <translation>Procedimientos alternativos</translation>
    </message>
    <message>
        <source>Deletions</source>
        <translation>Eliminaciones</translation>
    </message>
    <message>
        <source>Key accesses</source>
        <translation>Accesos a la clave</translation>
    </message>
    <message>
        <source>Partner submissions without a purge attestation</source>
        <translation>Envíos a organismos asociados sin certificado de purga</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>Registro de auditoría</translation>
    </message>
    <message>
        <source>user %1 is disabled</source>
        <translation>el usuario %1 está desactivado</translation>
    </message>
    <message>
        <source>the period ends (%2) before it starts (%1)</source>
        <translation>el periodo termina (%2) antes de empezar (%1)</translation>
    </message>
    <message>
        <source>Listed: no purge attestation %1 h after verification (verified before %2 UTC)</source>
        <translation>Se listan: sin certificado de purga %1 h después de la verificación (verificados antes del %2 UTC)</translation>
    </message>
    <message>
        <source>Without a purge attestation after %1 h: %2</source>
        <translation>Sin certificado de purga tras %1 h: %2</translation>
    </message>
    <message>
        <source>Not attested yet but still within the %1 h allowed: %2</source>
        <translation>Aún sin certificado, pero dentro de las %1 h permitidas: %2</translation>
    </message>
    <message>
        <source>document not genuine (chip)</source>
        <translation>documento no auténtico (chip)</translation>
    </message>
    <message>
        <source>presentation attack (photo or screen)</source>
        <translation>ataque de presentación (foto o pantalla)</translation>
    </message>
</context>
<context>
    <name>fg::ReportPdf</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation>no se escribió nada</translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation>página %1 de %2</translation>
    </message>
    <message>
        <source>the PDF could not be started</source>
        <translation>no se pudo empezar el PDF</translation>
    </message>
</context>
<context>
    <name>fg::ReportsPanel</name>
    <message>
        <source>&amp;Report</source>
        <translation>Inf&amp;orme</translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation>&amp;Desde</translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation>&amp;Hasta</translation>
    </message>
    <message>
        <source>R&amp;efresh</source>
        <translation>&amp;Actualizar</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>Exportar C&amp;SV…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>Exportar &amp;PDF…</translation>
    </message>
    <message>
        <source>The report could not be built: %1</source>
        <translation>No se pudo elaborar el informe: %1</translation>
    </message>
    <message>
        <source>Sign in as a supervisor, auditor or administrator to see the reports.</source>
        <translation>Inicie sesión como supervisor, auditor o administrador para ver los informes.</translation>
    </message>
    <message>
        <source>The reports are not shown: the account %1 is disabled.</source>
        <translation>Los informes no se muestran: la cuenta %1 está desactivada.</translation>
    </message>
    <message>
        <source>The reports are for supervisors, auditors and administrators; %1 is signed in as %2.</source>
        <translation>Los informes son para supervisores, auditores y administradores; %1 ha iniciado sesión como %2.</translation>
    </message>
    <message>
        <source>nobody allowed to read the reports is signed in</source>
        <translation>no ha iniciado sesión nadie autorizado a leer los informes</translation>
    </message>
    <message>
        <source>The first %1 of %2 rows are shown; the exports hold them all.</source>
        <translation>Se muestran las primeras %1 de %2 filas; las exportaciones las contienen todas.</translation>
    </message>
    <message>
        <source>1 row</source>
        <translation>1 fila</translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation>%1 filas</translation>
    </message>
    <message>
        <source>Not exported to %1: %2</source>
        <translation>No se exportó a %1: %2</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>No se pudo escribir %1: %2</translation>
    </message>
    <message>
        <source>%1 · exported %2 by %3</source>
        <translation>%1 · exportado el %2 por %3</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>Exportar el informe en CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Archivos CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>Exportar el informe en PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Archivos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation>Exportado: %1 a %2.</translation>
    </message>
</context>
<context>
    <name>fg::ReviewDialog</name>
    <message>
        <source>none recorded</source>
        <translation>ninguna registrada</translation>
    </message>
    <message>
        <source>confirmed the decision</source>
        <translation>confirmó la decisión</translation>
    </message>
    <message>
        <source>overrode the decision</source>
        <translation>anuló la decisión</translation>
    </message>
    <message>
        <source>sent the traveler to secondary inspection</source>
        <translation>envió al viajero a inspección de segunda línea</translation>
    </message>
    <message>
        <source>The item could not be read: %1</source>
        <translation>No se pudo leer el elemento: %1</translation>
    </message>
    <message>
        <source>Not claimed: %1</source>
        <translation>No asignado: %1</translation>
    </message>
    <message>
        <source>Claimed: no other supervisor can resolve this item while you hold it.</source>
        <translation>Asignado: ningún otro supervisor puede resolver este elemento mientras lo tenga usted asignado.</translation>
    </message>
    <message>
        <source>Not released: %1</source>
        <translation>No liberado: %1</translation>
    </message>
    <message>
        <source>Released: the item is back in the queue.</source>
        <translation>Liberado: el elemento vuelve a estar en la cola.</translation>
    </message>
    <message>
        <source>Not resolved: %1</source>
        <translation>No resuelto: %1</translation>
    </message>
    <message>
        <source>Resolved: %1.</source>
        <translation>Resuelto: %1.</translation>
    </message>
    <message>
        <source>Review queue item %1</source>
        <translation>Revisión del elemento %1 de la cola</translation>
    </message>
    <message>
        <source>Top candidates of the search</source>
        <translation>Mejores candidatos de la búsqueda</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Posición</translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation>Candidato</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Puntuación</translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation>Control</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Resolución</translation>
    </message>
    <message>
        <source>&amp;Identity confirmed (false non-match)</source>
        <translation>&amp;Identidad confirmada (falsa no coincidencia)</translation>
    </message>
    <message>
        <source>Referred to &amp;secondary inspection</source>
        <translation>Enviado a inspección de &amp;segunda línea</translation>
    </message>
    <message>
        <source>Suspected i&amp;mpostor</source>
        <translation>Presunto i&amp;mpostor</translation>
    </message>
    <message>
        <source>Capture &amp;problem (lighting, camera, pose)</source>
        <translation>&amp;Problema de captura (iluminación, cámara, postura)</translation>
    </message>
    <message>
        <source>&amp;Note (required)</source>
        <translation>&amp;Nota (obligatoria)</translation>
    </message>
    <message>
        <source>What you checked and why you decided so</source>
        <translation>Qué comprobó y por qué decidió así</translation>
    </message>
    <message>
        <source>Read-only: auditors see the review but do not claim or resolve.</source>
        <translation>Solo lectura: los auditores ven la revisión, pero no se asignan ni resuelven elementos.</translation>
    </message>
    <message>
        <source>&amp;Claim (Ctrl+K)</source>
        <translation>&amp;Asignarme (Ctrl+K)</translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation>&amp;Liberar</translation>
    </message>
    <message>
        <source>&amp;Resolve (Ctrl+Enter)</source>
        <translation>&amp;Resolver (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Queue item %1 · %2 · encounter %3</source>
        <translation>Elemento %1 de la cola · %2 · control %3</translation>
    </message>
    <message>
        <source>Open since %1 (waiting %2). Claim it to resolve it.</source>
        <translation>Abierto desde %1 (en espera: %2). Asígneselo para resolverlo.</translation>
    </message>
    <message>
        <source>Claimed by you since %1.</source>
        <translation>Asignado a usted desde %1.</translation>
    </message>
    <message>
        <source>Claimed by %1 since %2.</source>
        <translation>Asignado a %1 desde %2.</translation>
    </message>
    <message>
        <source>Resolved by %1 on %2: %3.</source>
        <translation>Resuelto por %1 el %2: %3.</translation>
    </message>
    <message>
        <source>Resolved.</source>
        <translation>Resuelto.</translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation>Decisión: %1</translation>
    </message>
    <message>
        <source>Purged: the photo is no longer stored.</source>
        <translation>Purgada: la foto ya no se conserva.</translation>
    </message>
    <message>
        <source>Purged on %1 by rule %2 (verified %3, due %4) by %5 · deletion record %6</source>
        <translation>Purgada el %1 según la regla %2 (verificación %3, vencimiento %4) por %5 · registro de eliminación %6</translation>
    </message>
    <message>
        <source>Reference photo</source>
        <translation>Foto de referencia</translation>
    </message>
    <message>
        <source>Capture</source>
        <translation>Captura</translation>
    </message>
    <message>
        <source>No reference photo was stored with this encounter.</source>
        <translation>No se guardó ninguna foto de referencia con este control.</translation>
    </message>
    <message>
        <source>No capture was stored with this encounter.</source>
        <translation>No se guardó ninguna captura con este control.</translation>
    </message>
    <message>
        <source>The photo could not be opened: %1</source>
        <translation>No se pudo abrir la foto: %1</translation>
    </message>
    <message>
        <source>The stored photo could not be decoded.</source>
        <translation>No se pudo decodificar la foto guardada.</translation>
    </message>
    <message>
        <source>%1 · %2 × %3</source>
        <translation>%1 · %2 × %3</translation>
    </message>
    <message>
        <source>%1 · above the threshold</source>
        <translation>%1 · por encima del umbral</translation>
    </message>
    <message>
        <source>%1 · below the threshold</source>
        <translation>%1 · por debajo del umbral</translation>
    </message>
    <message>
        <source>Flight</source>
        <translation>Vuelo</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Cámara</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>Puesto</translation>
    </message>
    <message>
        <source>Partner</source>
        <translation>Organismo asociado</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Hora de captura</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Umbral</translation>
    </message>
    <message>
        <source>%1 (false match rate %2)</source>
        <translation>%1 (tasa de falsas coincidencias %2)</translation>
    </message>
    <message>
        <source>Officer</source>
        <translation>Agente</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Acción</translation>
    </message>
    <message>
        <source>Officer&apos;s note</source>
        <translation>Nota del agente</translation>
    </message>
    <message>
        <source>Quality</source>
        <translation>Calidad</translation>
    </message>
    <message>
        <source>No quality report (no face was analysed).</source>
        <translation>Sin informe de calidad (no se analizó ningún rostro).</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>Comprobaciones</translation>
    </message>
    <message>
        <source>all passed</source>
        <translation>todas superadas</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>no superadas: %1</translation>
    </message>
    <message>
        <source>Pose</source>
        <translation>Postura</translation>
    </message>
    <message>
        <source>yaw %1°, pitch %2°, roll %3°</source>
        <translation>giro %1°, inclinación %2°, ladeo %3°</translation>
    </message>
    <message>
        <source>Eyes</source>
        <translation>Ojos</translation>
    </message>
    <message>
        <source>%1 px apart</source>
        <translation>%1 px de separación</translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation>Nitidez</translation>
    </message>
    <message>
        <source>Faces in view</source>
        <translation>Rostros a la vista</translation>
    </message>
    <message>
        <source>Traveler and document</source>
        <translation>Viajero y documento</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation>Nacionalidad</translation>
    </message>
    <message>
        <source>not established</source>
        <translation>no determinada</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Documento</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Expedido por</translation>
    </message>
    <message>
        <source>Expires</source>
        <translation>Caducidad</translation>
    </message>
    <message>
        <source>No document was recorded with this encounter.</source>
        <translation>No se registró ningún documento con este control.</translation>
    </message>
    <message>
        <source>Supervisors&apos; decisions</source>
        <translation>Decisiones de los supervisores</translation>
    </message>
    <message>
        <source>%1 by %2: %3</source>
        <translation>%1 por %2: %3</translation>
    </message>
    <message>
        <source>Deleted by retention</source>
        <translation>Eliminaciones por conservación</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Template</source>
        <translation>Plantilla</translation>
    </message>
    <message>
        <source>%1 by rule %2 on %3 (record %4)</source>
        <translation>%1 según la regla %2 el %3 (registro %4)</translation>
    </message>
</context>
<context>
    <name>fg::ReviewQueue</name>
    <message>
        <source>there is no queue item %1</source>
        <translation>no existe el elemento %1 de la cola</translation>
    </message>
    <message>
        <source>queue item %1 is already resolved: %2 by %3 at %4</source>
        <translation>el elemento %1 de la cola ya está resuelto: %2 por %3 el %4</translation>
    </message>
    <message>
        <source>queue item %1 is already resolved</source>
        <translation>el elemento %1 de la cola ya está resuelto</translation>
    </message>
    <message>
        <source>queue item %1 is claimed by %2 since %3</source>
        <translation>el elemento %1 de la cola está asignado a %2 desde %3</translation>
    </message>
    <message>
        <source>queue item %1 is not claimed: claim it first</source>
        <translation>el elemento %1 de la cola no está asignado: asígneselo primero</translation>
    </message>
    <message>
        <source>queue item %1 changed meanwhile; try again</source>
        <translation>el elemento %1 de la cola cambió entretanto; inténtelo de nuevo</translation>
    </message>
    <message>
        <source>no user is signed in</source>
        <translation>no ha iniciado sesión ningún usuario</translation>
    </message>
    <message>
        <source>the account %1 is disabled</source>
        <translation>la cuenta %1 está desactivada</translation>
    </message>
    <message>
        <source>%1 (%2) may not claim, release or resolve queue items: supervisors only</source>
        <translation>%1 (%2) no puede asignarse, liberar ni resolver elementos de la cola: solo los supervisores</translation>
    </message>
    <message>
        <source>%1 (%2) may not read the supervisor&apos;s queue: supervisors and auditors only</source>
        <translation>%1 (%2) no puede leer la cola del supervisor: solo los supervisores y los auditores</translation>
    </message>
    <message>
        <source>queue item %1 is not claimed: there is nothing to release</source>
        <translation>el elemento %1 de la cola no está asignado: no hay nada que liberar</translation>
    </message>
    <message>
        <source>a resolution needs a note: what was checked, and why this decision</source>
        <translation>una resolución requiere una nota: qué se comprobó y por qué esta decisión</translation>
    </message>
</context>
<context>
    <name>fg::ScoreBar</name>
    <message>
        <source>threshold %1</source>
        <translation>umbral %1</translation>
    </message>
    <message>
        <source>score %1 · %2</source>
        <translation>puntuación %1 · %2</translation>
    </message>
    <message>
        <source>no score · %1</source>
        <translation>sin puntuación · %1</translation>
    </message>
    <message>
        <source>%1 · not decided: the quality checks failed</source>
        <translation>%1 · sin decisión: los controles de calidad fallaron</translation>
    </message>
</context>
<context>
    <name>fg::SignInDialog</name>
    <message>
        <source>FaceGate — session locked</source>
        <translation>FaceGate — sesión bloqueada</translation>
    </message>
    <message>
        <source>FaceGate — sign in</source>
        <translation>FaceGate — inicio de sesión</translation>
    </message>
    <message>
        <source>The session of %1 was locked after a time without input. Sign in again to go on, or end the session.</source>
        <translation>La sesión de %1 se bloqueó tras un tiempo sin actividad. Inicie sesión de nuevo para continuar o cierre la sesión.</translation>
    </message>
    <message>
        <source>Sign in with your name, your password and the code your authenticator app shows now.</source>
        <translation>Inicie sesión con su nombre, su contraseña y el código que muestra ahora su aplicación de autenticación.</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nombre</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation>C&amp;ódigo</translation>
    </message>
    <message>
        <source>6 digits from the authenticator app</source>
        <translation>6 dígitos de la aplicación de autenticación</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation>&amp;Iniciar sesión</translation>
    </message>
    <message>
        <source>&amp;End session</source>
        <translation>Cerrar &amp;sesión</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Only %1 can unlock this session.</source>
        <translation>Solo %1 puede desbloquear esta sesión.</translation>
    </message>
    <message>
        <source>Not signed in: the name, the password or the code is wrong.</source>
        <translation>No se inició sesión: el nombre, la contraseña o el código no son correctos.</translation>
    </message>
    <message>
        <source>Not signed in: too many failed attempts; the account is locked until %1.</source>
        <translation>No se inició sesión: demasiados intentos fallidos; la cuenta está bloqueada hasta las %1.</translation>
    </message>
    <message>
        <source>Not signed in: this account is disabled; ask an administrator.</source>
        <translation>No se inició sesión: esta cuenta está desactivada; consulte a un administrador.</translation>
    </message>
    <message>
        <source>Sign-in is not possible: %1</source>
        <translation>No es posible iniciar sesión: %1</translation>
    </message>
    <message>
        <source>An administrator reset the password of %1. Choose your own now: at least %2 characters, not containing your name, and not the one you were given.</source>
        <translation>Un administrador restableció la contraseña de %1. Elija ahora la suya: al menos %2 caracteres, sin su nombre y distinta de la que se le entregó.</translation>
    </message>
    <message>
        <source>%1 locked the session. Sign in again to go on, or end the session.</source>
        <translation>%1 bloqueó la sesión. Inicie sesión de nuevo para continuar o cierre la sesión.</translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation>&amp;Nueva contraseña</translation>
    </message>
    <message>
        <source>&amp;Repeat new password</source>
        <translation>&amp;Repetir nueva contraseña</translation>
    </message>
    <message>
        <source>&amp;Change password and sign in</source>
        <translation>&amp;Cambiar contraseña e iniciar sesión</translation>
    </message>
    <message>
        <source>Not signed in: an administrator reset your password. End the session and sign in again to choose your own.</source>
        <translation>No se inició sesión: un administrador restableció su contraseña. Cierre la sesión e inicie sesión de nuevo para elegir la suya.</translation>
    </message>
    <message>
        <source>The two passwords differ; type the new password again in both fields.</source>
        <translation>Las dos contraseñas no coinciden; escriba la nueva contraseña de nuevo en ambos campos.</translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation>No se cambió la contraseña: %1</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Comprobando…</translation>
    </message>
</context>
<context>
    <name>fg::SupervisorWindow</name>
    <message>
        <source>FaceGate — supervision</source>
        <translation>FaceGate — supervisión</translation>
    </message>
    <message>
        <source>No-match &amp;queue</source>
        <translation>&amp;Cola de no coincidencias</translation>
    </message>
    <message>
        <source>Port &amp;figures</source>
        <translation>C&amp;ifras del paso fronterizo</translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation>In&amp;formes</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>No ha iniciado sesión nadie.</translation>
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
        <translation>Añada ahora esta clave a la aplicación de autenticación de %1 (basada en el tiempo, 6 dígitos, 30 segundos): escanee el código QR con la aplicación o escriba la clave. Solo se muestra esta vez y se guarda cifrada.</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Clave:</translation>
    </message>
    <message>
        <source>Or as an address (for apps that read otpauth:// links):</source>
        <translation>O como dirección (para aplicaciones que leen enlaces otpauth://):</translation>
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
<context>
    <name>fg::UserAdminWindow</name>
    <message>
        <source>The users cannot be read: %1</source>
        <translation>No se pueden leer los usuarios: %1</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Desactivado</translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation>Bloqueado hasta el %1</translation>
    </message>
    <message numerus="yes">
        <source>%n failed sign-in(s)</source>
        <translation>
            <numerusform>%n inicio de sesión fallido</numerusform>
            <numerusform>%n inicios de sesión fallidos</numerusform>
        </translation>
    </message>
    <message>
        <source>Must choose a new password</source>
        <translation>Debe elegir una nueva contraseña</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Activo</translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation>%1 por %2</translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation>Ac&amp;tivar</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>Desac&amp;tivar</translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation>Sin cambios: %1</translation>
    </message>
    <message>
        <source>%1 was added as %2; their authenticator key was shown once.</source>
        <translation>Se añadió a %1 como %2; su clave de autenticación se mostró una sola vez.</translation>
    </message>
    <message>
        <source>%1 is disabled: they can no longer sign in.</source>
        <translation>La cuenta de %1 está desactivada: ya no puede iniciar sesión.</translation>
    </message>
    <message>
        <source>%1 is enabled again.</source>
        <translation>La cuenta de %1 vuelve a estar activada.</translation>
    </message>
    <message>
        <source>%1 is unlocked and may sign in again.</source>
        <translation>La cuenta de %1 está desbloqueada: puede volver a iniciar sesión.</translation>
    </message>
    <message>
        <source>%1 has a temporary password: give it to them in person; they choose their own at the next sign-in.</source>
        <translation>%1 tiene una contraseña temporal: entréguesela en persona; elegirá la suya en el próximo inicio de sesión.</translation>
    </message>
    <message>
        <source>%1 has a new authenticator key; codes of the old one are refused from now on.</source>
        <translation>%1 tiene una nueva clave de autenticación; desde ahora se rechazan los códigos de la anterior.</translation>
    </message>
    <message>
        <source>%1 is now %2; it applies from their next sign-in.</source>
        <translation>%1 tiene ahora la función %2; se aplica a partir de su próximo inicio de sesión.</translation>
    </message>
    <message>
        <source>FaceGate — authenticator key of %1</source>
        <translation>FaceGate — clave de autenticación de %1</translation>
    </message>
    <message>
        <source>The key is in the app — &amp;close</source>
        <translation>La clave está en la aplicación — &amp;cerrar</translation>
    </message>
    <message>
        <source>FaceGate — add a user</source>
        <translation>FaceGate — añadir un usuario</translation>
    </message>
    <message>
        <source>The user chooses nothing now: give them this password in person. At least %1 characters, not containing the name.</source>
        <translation>El usuario no elige nada ahora: entréguele esta contraseña en persona. Al menos %1 caracteres, sin el nombre.</translation>
    </message>
    <message>
        <source>Sign-in &amp;name</source>
        <translation>&amp;Nombre de inicio de sesión</translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation>Nombre co&amp;mpleto</translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation>&amp;Función</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Contraseña</translation>
    </message>
    <message>
        <source>R&amp;epeat password</source>
        <translation>&amp;Repetir contraseña</translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation>&amp;Añadir usuario</translation>
    </message>
    <message>
        <source>The two passwords differ; type the password again in both fields.</source>
        <translation>Las dos contraseñas no coinciden; escriba la contraseña de nuevo en ambos campos.</translation>
    </message>
    <message>
        <source>FaceGate — reset the password of %1</source>
        <translation>FaceGate — restablecer la contraseña de %1</translation>
    </message>
    <message>
        <source>Type a temporary password for %1 and give it to them in person. They must choose their own at the next sign-in; a lockout after failed sign-ins ends too.</source>
        <translation>Escriba una contraseña temporal para %1 y entréguesela en persona. Deberá elegir la suya en el próximo inicio de sesión; también se levanta el bloqueo por inicios de sesión fallidos.</translation>
    </message>
    <message>
        <source>Temporary &amp;password</source>
        <translation>&amp;Contraseña temporal</translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation>Res&amp;tablecer contraseña</translation>
    </message>
    <message>
        <source>FaceGate — new authenticator key</source>
        <translation>FaceGate — nueva clave de autenticación</translation>
    </message>
    <message>
        <source>Make a new authenticator key for %1? The codes of their present key are refused from then on; the new key is shown once, to add to their app now.</source>
        <translation>¿Crear una nueva clave de autenticación para %1? A partir de entonces se rechazarán los códigos de su clave actual; la nueva clave se muestra una sola vez, para añadirla ahora a su aplicación.</translation>
    </message>
    <message>
        <source>FaceGate — role of %1</source>
        <translation>FaceGate — función de %1</translation>
    </message>
    <message>
        <source>FaceGate — users</source>
        <translation>FaceGate — usuarios</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nombre completo</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Función</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Alta</translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation>&amp;Añadir usuario…</translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation>&amp;Desbloquear</translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation>Restablecer &amp;contraseña…</translation>
    </message>
    <message>
        <source>New &amp;authenticator key…</source>
        <translation>&amp;Nueva clave de autenticación…</translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation>Cambiar &amp;función…</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>No ha iniciado sesión nadie.</translation>
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
        <translation>«%1» no es un nombre de usuario válido: use de 2 a 64 caracteres, primero una letra minúscula y después letras minúsculas, cifras, «.», «_» o «-»</translation>
    </message>
    <message>
        <source>a user named &quot;%1&quot; exists already</source>
        <translation>ya existe un usuario llamado «%1»</translation>
    </message>
    <message>
        <source>there is no user named &quot;%1&quot;</source>
        <translation>no existe ningún usuario llamado «%1»</translation>
    </message>
    <message>
        <source>the new password is the one an administrator set: choose your own</source>
        <translation>la nueva contraseña es la que estableció un administrador: elija la suya</translation>
    </message>
    <message>
        <source>%1 is the last administrator who can sign in: add or enable another administrator first</source>
        <translation>%1 es el último administrador que puede iniciar sesión: antes, añada o active otro administrador</translation>
    </message>
</context>
<context>
    <name>fg::Workstation</name>
    <message>
        <source>Decided in %1 ms after capture</source>
        <translation>Decidido %1 ms después de la captura</translation>
    </message>
    <message>
        <source>FaceGate cannot start</source>
        <translation>FaceGate no puede iniciarse</translation>
    </message>
    <message>
        <source>The face pipeline could not be created:
%1</source>
        <translation>No se pudo crear el proceso de análisis facial:
%1</translation>
    </message>
    <message>
        <source>The users cannot be read:
%1</source>
        <translation>No se pueden leer los usuarios:
%1</translation>
    </message>
    <message>
        <source>Re&amp;cords</source>
        <translation>Re&amp;gistros</translation>
    </message>
    <message>
        <source>&amp;Alternate procedures…</source>
        <translation>Procedimientos &amp;alternativos…</translation>
    </message>
    <message>
        <source>&amp;Traveler display</source>
        <translation>&amp;Pantalla del viajero</translation>
    </message>
    <message>
        <source>Loading the manifest %1…</source>
        <translation>Cargando el manifiesto %1…</translation>
    </message>
    <message>
        <source>Reading the document photo %1…</source>
        <translation>Leyendo la foto del documento %1…</translation>
    </message>
    <message>
        <source>Enrolling the manifest: %1 of %2</source>
        <translation>Inscribiendo el manifiesto: %1 de %2</translation>
    </message>
    <message>
        <source>Flight %1 not loaded: %2</source>
        <translation>Vuelo %1 no cargado: %2</translation>
    </message>
    <message>
        <source>Flight %1 · %2 travelers · 1:N</source>
        <translation>Vuelo %1 · %2 viajeros · 1:N</translation>
    </message>
    <message>
        <source>Flight %1 · %2 travelers · 1:N · %3 photos did not enrol</source>
        <translation>Vuelo %1 · %2 viajeros · 1:N · %3 fotos no se inscribieron</translation>
    </message>
    <message>
        <source>Document not loaded: %1</source>
        <translation>Documento no cargado: %1</translation>
    </message>
    <message>
        <source>Document photo %1 · 1:1</source>
        <translation>Foto del documento %1 · 1:1</translation>
    </message>
    <message>
        <source>Reference not loaded: %1</source>
        <translation>Referencia no cargada: %1</translation>
    </message>
    <message>
        <source>Records · purged %1 photos at %2</source>
        <translation>Registros · %1 fotos purgadas a las %2</translation>
    </message>
    <message>
        <source>Records: %1
Last retention purge at %2: %3 photos and %4 templates deleted</source>
        <translation>Registros: %1
Última purga de conservación a las %2: %3 fotos y %4 plantillas eliminadas</translation>
    </message>
    <message>
        <source>Records · purge FAILED</source>
        <translation>Registros · purga FALLIDA</translation>
    </message>
    <message>
        <source>Records: %1
Retention purge failed: %2</source>
        <translation>Registros: %1
Falló la purga de conservación: %2</translation>
    </message>
    <message>
        <source>Document photo %1 not read: another reference is loading</source>
        <translation>Foto del documento %1 no leída: se está cargando otra referencia</translation>
    </message>
    <message>
        <source>Document reader not watched: %1</source>
        <translation>Lector de documentos no vigilado: %1</translation>
    </message>
    <message>
        <source>&amp;Supervision: queue, figures, reports…</source>
        <translation>&amp;Supervisión: cola, cifras, informes…</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Matching: service at %1</source>
        <translation>Comparación: servicio en %1</translation>
    </message>
    <message>
        <source>Matching: service at %1 unreachable (%2)</source>
        <translation>Comparación: servicio en %1 inaccesible (%2)</translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation>&amp;Usuarios…</translation>
    </message>
    <message>
        <source>not known (photo %1)</source>
        <translation>desconocido (foto %1)</translation>
    </message>
    <message numerus="yes">
        <source>Flight %1 · %2 travelers · 1:N · %n photo(s) did not enrol</source>
        <translation>
            <numerusform>Vuelo %1 · %2 viajeros · 1:N · %n foto no se inscribió</numerusform>
            <numerusform>Vuelo %1 · %2 viajeros · 1:N · %n fotos no se inscribieron</numerusform>
        </translation>
    </message>
    <message>
        <source>Not enrolled, so not matched against: %1</source>
        <translation>No inscritos, por lo tanto no comparados: %1</translation>
    </message>
    <message>
        <source>The account %1 no longer exists: its session ended.</source>
        <translation>La cuenta %1 ya no existe: su sesión ha terminado.</translation>
    </message>
    <message>
        <source>An administrator disabled the account %1: its session ended.</source>
        <translation>Un administrador ha desactivado la cuenta %1: su sesión ha terminado.</translation>
    </message>
    <message>
        <source>The role of the account %1 changed: its session ended; sign in again.</source>
        <translation>El rol de la cuenta %1 ha cambiado: su sesión ha terminado; inicie sesión de nuevo.</translation>
    </message>
    <message>
        <source>Document photo not loaded: %1. The reader&apos;s files were deleted: read the document again.</source>
        <translation>Foto del documento no cargada: %1. Los archivos del lector se han eliminado: vuelva a leer el documento.</translation>
    </message>
    <message>
        <source>Document photo not loaded: %1. Read the document again.</source>
        <translation>Foto del documento no cargada: %1. Vuelva a leer el documento.</translation>
    </message>
    <message>
        <source>Document photo %1 waits: another reference is loading</source>
        <translation>La foto del documento %1 espera: se está cargando otra referencia</translation>
    </message>
    <message>
        <source>Not deleted from the document reader&apos;s folder, ask an administrator to remove: %1</source>
        <translation>No eliminado de la carpeta del lector de documentos, pida a un administrador que lo elimine: %1</translation>
    </message>
    <message>
        <source>The deletion of the document reader&apos;s files was not recorded: %1</source>
        <translation>La eliminación de los archivos del lector de documentos no se ha registrado: %1</translation>
    </message>
    <message>
        <source>genuine</source>
        <translation>auténtico</translation>
    </message>
    <message>
        <source>NOT GENUINE</source>
        <translation>NO AUTÉNTICO</translation>
    </message>
    <message>
        <source>not verifiable</source>
        <translation>no verificable</translation>
    </message>
    <message>
        <source>Passport chip %1 · %2 · 1:1</source>
        <translation>Chip del pasaporte %1 · %2 · 1:1</translation>
    </message>
    <message>
        <source>Passport chip: %1</source>
        <translation>Chip del pasaporte: %1</translation>
    </message>
    <message>
        <source>Passport chip reader: %1</source>
        <translation>Lector del chip del pasaporte: %1</translation>
    </message>
    <message>
        <source>Passport on %1: reading its chip needs its MRZ (Ctrl+R)</source>
        <translation>Pasaporte en %1: para leer su chip hace falta su MRZ (Ctrl+R)</translation>
    </message>
    <message>
        <source>Reading the passport&apos;s chip: %1, %2 of %3 bytes</source>
        <translation>Leyendo el chip del pasaporte: %1, %2 de %3 bytes</translation>
    </message>
    <message>
        <source>Read the passport&apos;s &amp;chip…</source>
        <translation>Leer el &amp;chip del pasaporte…</translation>
    </message>
    <message>
        <source>Read the passport&apos;s chip</source>
        <translation>Leer el chip del pasaporte</translation>
    </message>
    <message>
        <source>The document&apos;s MRZ as printed (two or three lines), to open its chip:</source>
        <translation>La MRZ del documento tal como está impresa (dos o tres líneas), para abrir su chip:</translation>
    </message>
    <message>
        <source>no MRZ layout fits</source>
        <translation>ningún formato de MRZ encaja</translation>
    </message>
    <message>
        <source>Passport chip not read: the MRZ cannot be read (%1)</source>
        <translation>Chip del pasaporte no leído: no se puede leer la MRZ (%1)</translation>
    </message>
    <message>
        <source>Passport chip: waiting for the passport on the reader…</source>
        <translation>Chip del pasaporte: esperando el pasaporte en el lector…</translation>
    </message>
    <message>
        <source>Passport chip read, but it gives no photo to compare with (%1). %2</source>
        <translation>Chip del pasaporte leído, pero no ofrece ninguna foto con la que comparar (%1). %2</translation>
    </message>
    <message>
        <source>Passport chip not read: %1. Type the MRZ again (Ctrl+R).</source>
        <translation>Chip del pasaporte no leído: %1. Vuelva a escribir la MRZ (Ctrl+R).</translation>
    </message>
    <message>
        <source>Passport chip not read: %1</source>
        <translation>Chip del pasaporte no leído: %1</translation>
    </message>
    <message>
        <source>The reading of the passport&apos;s chip was not recorded: %1</source>
        <translation>La lectura del chip del pasaporte no se ha registrado: %1</translation>
    </message>
    <message>
        <source>Presentation attacks are not assessed: %1</source>
        <translation>No se evalúan los ataques de presentación: %1</translation>
    </message>
</context>
<context>
    <name>fg::ZoomablePhoto</name>
    <message>
        <source>Zoom out</source>
        <translation>Alejar</translation>
    </message>
    <message>
        <source>Zoom in (or Ctrl + wheel)</source>
        <translation>Acercar (o Ctrl + rueda)</translation>
    </message>
    <message>
        <source>Full resolution: one photo pixel per screen pixel</source>
        <translation>Resolución completa: un píxel de la foto por píxel de pantalla</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Ajustar</translation>
    </message>
    <message>
        <source>Fit the whole photo in view</source>
        <translation>Ajustar la foto entera a la vista</translation>
    </message>
    <message>
        <source>%1 × %2 pixels, shown at %3 %</source>
        <translation>%1 × %2 píxeles, mostrada al %3 %</translation>
    </message>
</context>
</TS>
