<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en_GB">
<context>
    <name>fg::AlternateProcedure</name>
    <message>
        <source>the traveler&apos;s citizenship is not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document&apos;s kind is not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document&apos;s number is not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document&apos;s issuing state is not given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a check of the checklist has no id</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check &quot;%1&quot; is listed twice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&quot;verified&quot; needs at least one visual check done (passed or failed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the outcome &quot;%1&quot; needs a reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::AlternateProcedureLog</name>
    <message>
        <source>Alternate procedures log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. LH 400</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document number or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>O&amp;utcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Doc&amp;ument or name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No procedures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 procedures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>officer %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>flight %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>outcome %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document or name containing “%1”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all procedures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ascending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>descending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sorted by %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The “to” date is before the “from” date: no procedure can match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The log could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported to %1: the log could not be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 (local time) · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the alternate procedures as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the alternate procedures as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::AlternateProcedureTableModel</name>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Holder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to sort by this column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This column cannot be sorted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation / lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred to secondary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n passed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n not applicable</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fg::AuditedExport</name>
    <message>
        <source>Not exported: there is no audit log to record the export in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported: the export could not be recorded in the audit log: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::CameraTile</name>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The desk captures from this camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click, or press Ctrl+%1, to capture from this camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Click to capture from this camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera %1, %2, capture camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera %1, %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reconnecting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lost</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>video file %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>camera %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>image folder %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>stream %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::CameraView</name>
    <message>
        <source>Waiting for the camera…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::DetCurvePlot</name>
    <message>
        <source>False match rate (FMR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False non-match rate (FNMR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: FNMR %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::DocumentReaderFiles</name>
    <message>
        <source>%1 holds %2 bytes, more than a photo may (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a photo FaceGate can read: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::FiguresCharts</name>
    <message>
        <source>Score distributions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comparison score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encounters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DET curve of the model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False match rate (FMR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>False non-match rate (FNMR)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Percent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genuine (1 score)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genuine (%1 scores)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impostor (1 score, hatched)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impostor (%1 scores, hatched)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Genuine: the score of each traveler whose identity was confirmed (solid bars).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Impostor: the scores of other people in confirmed searches and of suspected impostors (hatched bars).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dashed line: the decision threshold %1 of the most recent encounter selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold: none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision threshold is recorded in the encounters selected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No score in this selection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rate (%)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No calibration table for the model: the DET curve cannot be drawn.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DET curve</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calibration: %1, %2 impostor pairs, measured %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Square: the operating point of threshold %1, FMR %2, FNMR %3 %.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold: no operating point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The threshold %1 is outside the calibration table: no operating point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision threshold recorded: no operating point.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>a rate in percent</comment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::FiguresView</name>
    <message>
        <source>the model manifest names no recognition model</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Until</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first day counted (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last day counted, included (local time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Travelers processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-match rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unusable captures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median time to decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>95th percentile time to decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as a supervisor, an auditor or an administrator to see the port&apos;s figures.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The port&apos;s figures are for supervisors, auditors and administrators: %1 is signed in as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The “until” day is before the “from” day: no encounter can be counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures could not be computed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 % (%2 of %3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 in scope (not exempt from biometrics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photographed, of travelers in scope</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>matches, of travelers photographed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no matches, of travelers photographed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>alternate procedures, of travelers processed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 poor quality · %2 no face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>captures that could not be compared</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the capture to the officer&apos;s action, over 1 decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the capture to the officer&apos;s action, over %1 decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presentation attacks caught</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printed photos or screens, of 1 face assessed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>printed photos or screens, of %1 faces assessed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::FirstAdminDialog</name>
    <message>
        <source>FaceGate — first administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This workstation has no users yet. Make the administrator account: choose a sign-in name and a password of at least %1 characters that does not contain the name. There is no default password.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Create administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I have added the key — &amp;sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ; type the password again in both fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The administrator was not created: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Then sign in with the name, the password and the app&apos;s code.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::Inspection</name>
    <message>
        <source>the gallery of %1 is empty: nobody to match against</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document photo of %1 gave no face template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reference chosen: load a flight&apos;s manifest (1:N) or a document photo (1:1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::InspectionDesk</name>
    <message>
        <source>Not decided: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encounter could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirmed · encounter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overridden, sent to the supervisor&apos;s queue · encounter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to secondary inspection · encounter %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out cannot be logged on this workstation: no records</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo taken before the opt-out could not be deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 cannot take captures or record encounters: sign in as an officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the matching service cannot be used (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reference chosen: load a flight&apos;s manifest (1:N) or a document photo (1:1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision: the matching service refused the capture (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision: the matching service is unreachable (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The traveler opted out: nothing is captured until Next traveler (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision on screen was %1&apos;s: cleared for %2; capture the traveler again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The decision on screen was made against the previous reference: cleared; capture the traveler again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the records closed first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Storing the encounter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The encounter of the previous decision could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The action on encounter %1 was not recorded: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::LiveAnalysis</name>
    <message>
        <source>checking the face models</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reference: choose a flight (Ctrl+M) or a document photo (Ctrl+D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis — ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flight &amp;manifest…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flight manifest</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Manifests (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Document photo…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Images (*.jpg *.jpeg *.png *.bmp *.tif *.tiff *.webp)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture from camera %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capturing from camera %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secondary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next traveler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out: camera stopped for this traveler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic capture on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic capture off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checkpoint officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Auditor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>— fps</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysis %1 ms</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternate procedure %1 logged · camera stopped until Next traveler (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The traveler opted out: capture resumes with Next traveler (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::MatchClient</name>
    <message>
        <source>no client certificate is configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client certificate %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no client key is configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client key %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no CA certificate is configured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate %1 cannot be read: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the matching service&apos;s address %1 is not an https address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client certificate %1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>client key %1 holds no unencrypted PEM EC or RSA private key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CA certificate %1 holds no PEM certificate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1; loading gallery %2 again from %3 failed: %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS error with %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no answer from %1 within %2 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the connection to %1 was refused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service answered HTTP %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service answered HTTP %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service&apos;s answer is not a JSON object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the service&apos;s answer cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no known decision in it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no threshold in it</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::MatchPanel</name>
    <message>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Confirm (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override… (Ctrl+O)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Secondary… (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next traveler (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>MATCH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NO MATCH</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NO FACE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>POOR QUALITY</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the traveler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>—</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference photo unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traveler %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nationality: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traveler id: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shown: the closest gallery member, below the threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Override the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why is the decision overridden? (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send to secondary inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason (optional):</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NO DECISION</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not overridden: an override needs its reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport chip: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The passport&apos;s chip is not genuine: the decision cannot be confirmed. Override it with a reason or send the traveler to secondary; the encounter is in the supervisor&apos;s queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: not measured (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Frames with a face: %1; without: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold calibrated on %1 at BPCER %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible presentation attack (score %1, threshold %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Live face (score %1, threshold %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presentation attack not assessed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no reason given</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Possible presentation attack (a photo or a screen held up to the camera): the decision cannot be confirmed. Override it with a reason or send the traveler to secondary; the encounter is in the supervisor&apos;s queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the reference photo…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::Mrz</name>
    <message>
        <source>input</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>issuing state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document number check digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date of birth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date of birth check digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date of expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date of expiry check digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>personal number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional data (line 1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional data</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>personal number check digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional data (line 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>composite check digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>January</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>February</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>March</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>April</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>May</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>June</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>July</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>August</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>September</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>October</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>November</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>December</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date of birth %1 is not six digits YYMMDD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date of expiry %1 is not six digits YYMMDD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date of birth %1 is not a calendar date: there is no month %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date of expiry %1 is not a calendar date: there is no month %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date of birth %1 is not a calendar date: %2 %3 has no day %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date of expiry %1 is not a calendar date: %2 %3 has no day %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document code is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a passport&apos;s (TD3) document code starts with P, the MRZ has %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a visa&apos;s document code starts with V, the MRZ has %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a %1 card&apos;s document code starts with A, C or I, the MRZ has %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>V may not follow %1 in a card&apos;s document code (Doc 9303 keeps it for visas)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the second character of the document code is a letter or &lt;, the MRZ has %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the issuing state is not given (only fillers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the nationality is not given (only fillers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the issuing state %1 holds the digit %2; a state code is letters (e.g. UTO, D&lt;&lt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the nationality %1 holds the digit %2; a state code is letters (e.g. UTO, D&lt;&lt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the issuing state %1 has a filler before a letter; a state code is letters filled at the end with &lt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the nationality %1 has a filler before a letter; a state code is letters filled at the end with &lt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the sex is M, F, X or &lt; (unspecified), the MRZ has %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document number is empty (only fillers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name is empty (only fillers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name %1 holds the digit %2; a name is letters and fillers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name starts with a filler; it starts with the primary identifier</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name has three or more fillers in a row before its end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the name has more than one &lt;&lt; separator; only the primary and secondary identifiers are separated by &lt;&lt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date of birth %1 is partly unknown (the whole date written as fillers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date of birth %1 is partly unknown (month and day written as fillers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date of birth %1 is partly unknown (day written as fillers)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the MRZ is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the text is %1 characters long; an MRZ has at most 90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>one line of %1 characters; an MRZ has 2 lines of 44 characters (passport, visa MRV-A), 2 of 36 (TD2 card, visa MRV-B) or 3 of 30 (TD1 card); a reader&apos;s single line has 88, 72 or 90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 lines; an MRZ has 2 lines of 44 characters (passport, visa MRV-A), 2 of 36 (TD2 card, visa MRV-B) or 3 of 30 (TD1 card); a reader&apos;s single line has 88, 72 or 90</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>2 lines of 30 characters: a TD1 card has 3 lines of 30, one is missing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 for %2 at column %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check digit of the date of birth is %1, the MRZ says %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check digit of the date of expiry is %1, the MRZ says %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>did you mean %1 instead of %2 (%3)?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 has %2 characters; a %3 line has %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1 length</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line %1, column %2 (%3): %4 is not an MRZ character (A-Z, 0-9 and &lt;)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n more characters are outside A-Z, 0-9 and &lt;</source>
        <translation>
            <numerusform>%n more character is outside A-Z, 0-9 and &lt;</numerusform>
            <numerusform>%n more characters are outside A-Z, 0-9 and &lt;</numerusform>
        </translation>
    </message>
    <message>
        <source>characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check digit of the document number is %1, the MRZ says %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document number check digit is &lt;, which means the number continues in the optional data (Part 5, 4.2.4), but the number does not fill columns 6 to 14</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document number check digit is &lt;, which means the number continues in the optional data (Part 5, 4.2.4), but the optional data does not continue it with at least one character and a check digit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>check digit of the personal number is %1, the MRZ says %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>composite check digit is %1, the MRZ says %2 (it covers a field found at fault above)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>composite check digit is %1, the MRZ says %2; the other check digits hold, so the optional data (line 1 or line 2) or this digit is misread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>composite check digit is %1, the MRZ says %2; the other check digits hold, so the optional data or this digit is misread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>composite check digit is %1, the MRZ says %2; the other check digits hold, so this digit is misread</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date of birth %1 holds %2 at column %3; a date is six digits YYMMDD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date of expiry %1 holds %2 at column %3; a date is six digits YYMMDD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the date of expiry %1 is before the date of birth %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the document expired on %1 (today is %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reference date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today&apos;s date is not valid: the dates are not resolved and expiry is not checked</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::OptOutDialog</name>
    <message>
        <source>passport</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>visa</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document photo shows the traveler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data page agrees with the MRZ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security features present (hologram, UV, microprint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sign of tampering (laminate, pages, stitching)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document has not expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opt-out: manual document verification</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The traveler declined the photo. No photo is taken or kept; verify the document by hand and log the alternate procedure.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;MRZ</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type, paste or scan the machine-readable zone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Apply suggestion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>from the MRZ, or as on the document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>required unless verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred to secondary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Visual checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log alternate procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✗ %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>! %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>    %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ The MRZ is correct.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 · issued by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name: %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document number: %1 · nationality %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Born %1 · sex %2 · expires %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged: the MRZ could not be read; type it as printed on the document.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged: the MRZ has errors (above); correct it, or log the document as not verified with the reason.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data page agrees with the chip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chip proves the document genuine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged: the passport&apos;s chip is not genuine; log the document as not verified or refer the traveler to secondary, with the reason.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::PasswordPolicy</name>
    <message>
        <source>the password is not valid UTF-8 text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password is too short: it must have at least %1 characters (it has %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password is too long: it may have at most %1 characters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the password must not contain the user name &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at least %1 characters, not containing the user name</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::QualityWords</name>
    <message>
        <source>too far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>turn head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>look straight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>straighten head</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>blurred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>too bright</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>eyes closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n face(s) in view</source>
        <translation>
            <numerusform>%n face in view</numerusform>
            <numerusform>%n faces in view</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>fg::QueuePanel</name>
    <message>
        <source>The no-match queue is for supervisors and auditors.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The queue could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;tate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ca&amp;mera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any officer (user name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>every reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open or claimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>any time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the last 24 hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in the last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>◀ &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next ▶</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Review…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Claim and review (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No items match.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items %1–%2 of %3 · page %4 of %5</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::QueueTableModel</name>
    <message>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claimed by %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (threshold %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent to secondary by the officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>poor quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>officer override</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity confirmed (false non-match)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>referred to secondary inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suspected impostor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capture problem (lighting, camera, pose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>under a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document not genuine (chip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>presentation attack (photo or screen)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::ReferenceLoader</name>
    <message>
        <source>line %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::ReportBuilder</name>
    <message>
        <source>no match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>poor quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>officer&apos;s override or referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>claimed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>identity confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>secondary inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suspected impostor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>capture problem</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not verified</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>referred to secondary</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>entry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>exit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checkpoint</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>match</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the reports are for supervisors, auditors and administrators; this user&apos;s role is %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 to %2 (UTC, the end excluded)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From %1 on (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Before %1 (UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Items that entered the queue: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their state now: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisors&apos; decisions: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Procedure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera or lane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issuing state</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternate procedures: %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By officer: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Record</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rule</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Verified at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records deleted: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photos deleted by rule %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates deleted by rule %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>At</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Actor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purpose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key accesses: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By action: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By actor: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash chain of the whole log: intact (%1 events)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash chain of the whole log: BROKEN at event %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hash chain of the whole log: NOT VERIFIED (no audit key)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purge attestation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no attestation recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner submissions: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>By partner: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-match queue and resolutions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Alternate procedures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deletions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key accesses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner submissions without a purge attestation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>user %1 is disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the period ends (%2) before it starts (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Listed: no purge attestation %1 h after verification (verified before %2 UTC)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Without a purge attestation after %1 h: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not attested yet but still within the %1 h allowed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>document not genuine (chip)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>presentation attack (photo or screen)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::ReportPdf</name>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nothing was written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>page %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the PDF could not be started</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::ReportsPanel</name>
    <message>
        <source>&amp;Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;efresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be built: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in as a supervisor, auditor or administrator to see the reports.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reports are not shown: the account %1 is disabled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reports are for supervisors, auditors and administrators; %1 is signed in as %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nobody allowed to read the reports is signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first %1 of %2 rows are shown; the exports hold them all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported to %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · exported %2 by %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported %1 to %2.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::ReviewDialog</name>
    <message>
        <source>none recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>confirmed the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overrode the decision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent the traveler to secondary inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The item could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not claimed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed: no other supervisor can resolve this item while you hold it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not released: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Released: the item is back in the queue.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not resolved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved: %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Review queue item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Top candidates of the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rank</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Candidate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Score</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Encounter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Identity confirmed (false non-match)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred to &amp;secondary inspection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suspected i&amp;mpostor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture &amp;problem (lighting, camera, pose)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Note (required)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What you checked and why you decided so</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read-only: auditors see the review but do not claim or resolve.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Claim (Ctrl+K)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;lease</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resolve (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queue item %1 · %2 · encounter %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open since %1 (waiting %2). Claim it to resolve it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed by you since %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Claimed by %1 since %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved by %1 on %2: %3.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Resolved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purged: the photo is no longer stored.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purged on %1 by rule %2 (verified %3, due %4) by %5 · deletion record %6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reference photo was stored with this encounter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No capture was stored with this encounter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The photo could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The stored photo could not be decoded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 × %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · above the threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · below the threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Partner</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Captured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (false match rate %2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Action</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Officer&apos;s note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No quality report (no face was analysed).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>all passed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yaw %1°, pitch %2°, roll %3°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Eyes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 px apart</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sharpness</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Faces in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Traveler and document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nationality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not established</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No document was recorded with this encounter.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Supervisors&apos; decisions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2: %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted by retention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by rule %2 on %3 (record %4)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::ReviewQueue</name>
    <message>
        <source>there is no queue item %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue item %1 is already resolved: %2 by %3 at %4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue item %1 is already resolved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue item %1 is claimed by %2 since %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue item %1 is not claimed: claim it first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue item %1 changed meanwhile; try again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no user is signed in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the account %1 is disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) may not claim, release or resolve queue items: supervisors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) may not read the supervisor&apos;s queue: supervisors and auditors only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>queue item %1 is not claimed: there is nothing to release</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a resolution needs a note: what was checked, and why this decision</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::ScoreBar</name>
    <message>
        <source>threshold %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>score %1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no score · %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · not decided: the quality checks failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::SignInDialog</name>
    <message>
        <source>FaceGate — session locked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FaceGate — sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The session of %1 was locked after a time without input. Sign in again to go on, or end the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in with your name, your password and the code your authenticator app shows now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>6 digits from the authenticator app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;End session</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only %1 can unlock this session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in: the name, the password or the code is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in: too many failed attempts; the account is locked until %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in: this account is disabled; ask an administrator.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in is not possible: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator reset the password of %1. Choose your own now: at least %2 characters, not containing your name, and not the one you were given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 locked the session. Sign in again to go on, or end the session.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Repeat new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Change password and sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in: an administrator reset your password. End the session and sign in again to choose your own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ; type the new password again in both fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password was not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::SupervisorWindow</name>
    <message>
        <source>FaceGate — supervision</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No-match &amp;queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port &amp;figures</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::TotpEnrolmentView</name>
    <message>
        <source>Add this key to %1&apos;s authenticator app now (time-based, 6 digits, 30 seconds): scan the code with the app, or type the key. It is shown only this once and is stored encrypted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Or as an address (for apps that read otpauth:// links):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::TravelerDisplay</name>
    <message>
        <source>Welcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next traveler, please step forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please look at the camera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please remove sunglasses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please hold still</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taking your photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Have a good journey</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please see the officer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The officer will help you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo will be taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An officer will check your document</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::UserAdminWindow</name>
    <message>
        <source>The users cannot be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Locked until %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n failed sign-in(s)</source>
        <translation>
            <numerusform>%n failed sign-in</numerusform>
            <numerusform>%n failed sign-ins</numerusform>
        </translation>
    </message>
    <message>
        <source>Must choose a new password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 by %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Enable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 was added as %2; their authenticator key was shown once.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is disabled: they can no longer sign in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is enabled again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is unlocked and may sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a temporary password: give it to them in person; they choose their own at the next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 has a new authenticator key; codes of the old one are refused from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is now %2; it applies from their next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FaceGate — authenticator key of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The key is in the app — &amp;close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FaceGate — add a user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The user chooses nothing now: give them this password in person. At least %1 characters, not containing the name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign-in &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;epeat password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add user</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two passwords differ; type the password again in both fields.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FaceGate — reset the password of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type a temporary password for %1 and give it to them in person. They must choose their own at the next sign-in; a lockout after failed sign-ins ends too.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Temporary &amp;password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reset password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FaceGate — new authenticator key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make a new authenticator key for %1? The codes of their present key are refused from then on; the new key is shown once, to add to their app now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FaceGate — role of %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FaceGate — users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>State</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add user…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset &amp;password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New &amp;authenticator key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change &amp;role…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::UserStore</name>
    <message>
        <source>&quot;%1&quot; is not a valid user name: use 2 to 64 characters, a lower-case letter first, then lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a user named &quot;%1&quot; exists already</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>there is no user named &quot;%1&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the new password is the one an administrator set: choose your own</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is the last administrator who can sign in: add or enable another administrator first</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::Workstation</name>
    <message>
        <source>Decided in %1 ms after capture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>FaceGate cannot start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The face pipeline could not be created:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The users cannot be read:
%1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;cords</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Alternate procedures…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Traveler display</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading the manifest %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the document photo %1…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enrolling the manifest: %1 of %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flight %1 not loaded: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flight %1 · %2 travelers · 1:N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Flight %1 · %2 travelers · 1:N · %3 photos did not enrol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document not loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document photo %1 · 1:1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reference not loaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records · purged %1 photos at %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records: %1
Last retention purge at %2: %3 photos and %4 templates deleted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records · purge FAILED</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Records: %1
Retention purge failed: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document photo %1 not read: another reference is loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document reader not watched: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Supervision: queue, figures, reports…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching: service at %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Matching: service at %1 unreachable (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Users…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not known (photo %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Flight %1 · %2 travelers · 1:N · %n photo(s) did not enrol</source>
        <translation>
            <numerusform>Flight %1 · %2 travelers · 1:N · %n photo did not enrol</numerusform>
            <numerusform>Flight %1 · %2 travelers · 1:N · %n photos did not enrol</numerusform>
        </translation>
    </message>
    <message>
        <source>Not enrolled, so not matched against: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The account %1 no longer exists: its session ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An administrator disabled the account %1: its session ended.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The role of the account %1 changed: its session ended; sign in again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document photo not loaded: %1. The reader&apos;s files were deleted: read the document again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document photo not loaded: %1. Read the document again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Document photo %1 waits: another reference is loading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not deleted from the document reader&apos;s folder, ask an administrator to remove: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The deletion of the document reader&apos;s files was not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>genuine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>NOT GENUINE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not verifiable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport chip %1 · %2 · 1:1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport chip: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport chip reader: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport on %1: reading its chip needs its MRZ (Ctrl+R)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the passport&apos;s chip: %1, %2 of %3 bytes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the passport&apos;s &amp;chip…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Read the passport&apos;s chip</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The document&apos;s MRZ as printed (two or three lines), to open its chip:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no MRZ layout fits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport chip not read: the MRZ cannot be read (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport chip: waiting for the passport on the reader…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport chip read, but it gives no photo to compare with (%1). %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport chip not read: %1. Type the MRZ again (Ctrl+R).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Passport chip not read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The reading of the passport&apos;s chip was not recorded: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Presentation attacks are not assessed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>fg::ZoomablePhoto</name>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom in (or Ctrl + wheel)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full resolution: one photo pixel per screen pixel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit the whole photo in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 × %2 pixels, shown at %3 %</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
