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
        <source>Alternate procedures</source>
        <translation>Procedimientos alternativos</translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation>no se escribió nada</translation>
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
    <message>
        <source>Not exported: the export could not be recorded in the audit log: %1</source>
        <translation>No exportado: la exportación no pudo registrarse en el registro de auditoría: %1</translation>
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
        <source>%1 passed</source>
        <translation>%1 superadas</translation>
    </message>
    <message>
        <source>%1 failed</source>
        <translation>%1 no superadas</translation>
    </message>
    <message>
        <source>%1 not applicable</source>
        <translation>%1 no aplicables</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
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
        <source>Add this key to the administrator&apos;s authenticator app (time-based, 6 digits, 30 seconds) now. It is shown only this once and is stored encrypted; then sign in with the name, the password and the app&apos;s code.</source>
        <translation>Añada ahora esta clave a la aplicación de autenticación del administrador (basada en tiempo, 6 dígitos, 30 segundos). Solo se muestra esta vez y se guarda cifrada; después inicie sesión con el nombre, la contraseña y el código de la aplicación.</translation>
    </message>
    <message>
        <source>Key:</source>
        <translation>Clave:</translation>
    </message>
    <message>
        <source>Or as an address (for apps that read otpauth:// links):</source>
        <translation>O como dirección (para aplicaciones que leen enlaces otpauth://):</translation>
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
        <source>Alternate procedure %1 logged</source>
        <translation>Procedimiento alternativo %1 registrado</translation>
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
</context>
</TS>
