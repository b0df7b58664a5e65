#pragma once

#include "core/security/UserAccount.h"
#include "core/service/MatchClient.h"
#include "core/workflow/Encounter.h"
#include "core/workflow/Inspection.h"
#include "core/live/DocumentReaderFiles.h"
#include "core/live/LiveAnalysis.h"
#include "core/live/PassportChipWatcher.h"
#include "ui/desk/TravelerDisplay.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

#include <chrono>
#include <functional>
#include <memory>
#include <optional>

class QAction;
class QLabel;
class QMenu;
class QTimer;

namespace fg {

class Clock;
class FirstAdminDialog;
class DocumentReaderFolder;
class InspectionDesk;
class MainWindow;
class Records;
class RecordsThread;
class ReferenceLoader;
class SignInDialog;
class SupervisorWindow;
class UserAdminWindow;
class TravelerDisplay;

// The officer's workstation put together: the main window with its cameras
// and match panel, the desk that decides and records each capture
// (Inspection, InspectionDesk), the references the officer loads from the
// Reference menu (ReferenceLoader), the Records menu (the alternate
// procedures' log, the traveler display) and the traveler's screen, over
// the records opened at start-up (Records). app/facegate builds one from the
// settings; the GUI tests build the same one.
//
// run() walks the officer through start-up without blocking the event loop:
// on a database without users the first administrator is made
// (FirstAdminDialog), then someone signs in (SignInDialog), then the window
// opens and the cameras start. Ending the session at the lock asks for the
// next sign-in. finished() says when the program should end (the sign-in
// was cancelled, or nothing can be analysed).
//
// With Options::matching set, the desk decides through the service; the
// status bar's "matchingState" says where the service is and whether it
// answered the last time it was asked.
class Workstation : public QObject {
    Q_OBJECT
public:
    struct Options {
        QList<LiveAnalysis::Options> cameras; // the grid, first one capturing (at least one)
        QString stationName;                 // the workstation column of the records (host name)
        QString actor;                       // who acts before anyone signs in ("workstation:<user>"), for the audit
        std::optional<Encounter::Kind> kind; // station/kind; none: from the officer's role (stationKind)
        double fmrTarget = 1e-3;             // matching/fmr
        std::chrono::milliseconds lockAfter = std::chrono::minutes(5);
        QString documentReaderFolder; // documents/readerFolder; empty: none
        QString chipReader;           // documents/chipReader: a PC/SC reader's name or "any"; empty: none
        QString cscaPath;             // documents/csca: trusted CSCAs (folder or master list); empty: not verifiable
        std::chrono::minutes queueOverdueAfter = std::chrono::hours(24); // queue/overdueHours
        // matching/endpoint and the workstation's certificate: an endpoint
        // set means every capture is decided by facegate-matchd (never
        // in-process); a flight's manifest must then also be in the
        // service's manifest folder, under the same file name.
        MatchClientOptions matching;
        // How often the signed-in account is read again from the records: an
        // account disabled (or given another role) at another workstation
        // ends this session within this time.
        std::chrono::milliseconds accountCheckEvery = std::chrono::seconds(30);
    };

    // records, recordsThread (the same records on a thread of their own,
    // where the desk stores each encounter) and clock outlive the workstation.
    Workstation(Records& records, RecordsThread& recordsThread, const Clock& clock, Options options,
                QObject* parent = nullptr);
    ~Workstation() override;

    // The status bar reports the purges that run there (started by the
    // caller), and the data keys of photos an opt-out withdrew are shredded there.
    void showPurgesOf(RecordsThread& purges);
    // Watches Options::documentReaderFolder (nothing when it is empty; a
    // folder that cannot be watched is said in the reference state). Each
    // photo a document reader writes there becomes the 1:1 reference, the
    // zone beside it naming the holder: the photo and the zone are read into
    // memory, then both files are destroyed (DocumentReaderFolder,
    // DocumentReaderFiles), off the GUI thread. The files found there now
    // (an earlier session's) are destroyed unread. Each file destroyed is an
    // audit event "document.file.delete" written on `records`' thread (which
    // outlives the workstation); a file that could not be deleted is said to
    // the officer (the window's notice) with its name and why, and logged.
    // A photo that cannot be decoded is destroyed too, and said in the
    // reference state. A photo that comes while another reference loads
    // waits in memory and follows it.
    void watchDocumentReader(RecordsThread& records);

    // Watches Options::chipReader for a passport (issue 19). The chip is read
    // with the zone the officer types (Ctrl+R, readChipWith) or the zone a
    // document reader wrote beside its photo: its photo becomes the 1:1
    // reference with the chip's verdict beside the document data, reading it
    // is the audit event "document.chip.read" (written on `records`' thread:
    // the verdict, the checks, never a name or number), and a chip that
    // cannot be read is said in the reference state. Nothing of it runs on
    // the GUI thread.
    void watchPassportChip(RecordsThread& records);
    // The document's MRZ for the chip in the reader (or the next one);
    // false with the problems said when the text is no zone.
    bool readChipWith(const QString& mrzText);
    PassportChipWatcher* passportChip() const { return m_chip.get(); }

    // First administrator if needed, then the sign-in dialog (both opened,
    // not exec'ed); the window follows the sign-in.
    void run();

    MainWindow& window() { return *m_window; }
    InspectionDesk& desk() { return *m_desk; }
    const Inspection& inspection() const { return m_inspection; }
    ReferenceLoader& references() { return *m_references; }
    TravelerDisplay& travelerDisplay() { return *m_travelerDisplay; }
    // The supervisor's window: opened at sign-in for supervisors and
    // auditors, and from Records > Supervision (Ctrl+Shift+Q).
    SupervisorWindow& supervision() { return *m_supervision; }
    UserAdminWindow& userAdministration() { return *m_userAdmin; }
    // Who may open the supervisor's window.
    static bool maySupervise(Role role);
    // The dialog waiting for someone to sign in, or nullptr.
    SignInDialog* signInDialog() const;
    // The first administrator's dialog while it is open, or nullptr.
    FirstAdminDialog* firstAdminDialog() const;

    // What the desk records as the encounter's kind: the station's setting
    // when there is one, else a checkpoint for a checkpoint officer and an
    // entry for everyone else.
    static Encounter::Kind stationKind(const std::optional<Encounter::Kind>& configured, Role role);
    // What the traveler's screen says once the officer acted on a decision:
    // thanks only for a confirmed match; anything else sends them to the officer.
    static TravelerDisplay::State travelerStateAfter(Encounter::Decision decision, Encounter::OfficerAction action);

Q_SIGNALS:
    // The program should end with this exit code.
    void finished(int exitCode);
    // Someone signed in and the window is open (or open again after a handover).
    void sessionStarted(const fg::UserAccount& account);

private:
    void buildRecordsMenu();
    void connectTravelerDisplay();
    void connectReferences();
    void connectMatchingService();
    void loadServiceGallery(const QString& manifestPath);
    void showMatchingState();
    void connectSupervision();
    void loadDocument(const QString& photoPath, const ReferencePerson& holder);
    void takeReaderDocument(const DocumentReaderFiles::Document& document);
    void loadReaderDocument(const ReferencePerson& holder);
    void recordReaderDeletions(const QList<DocumentReaderFiles::Deletion>& deletions);
    void takeChip(const PassportChipWatcher::Reading& reading);
    void chipNotRead(const QString& reader, const QString& reason, int failure);
    void recordChipRead(const QString& reader, const QJsonObject& details);
    void askForChipZone();
    void retranslateMenu();
    void askForSignIn();
    void begin(const UserAccount& account);
    // Reads the signed-in account again; ends the session when it is gone,
    // disabled or has another role.
    void checkAccount();

    Records& m_records;
    const Clock& m_clock;
    Options m_options;
    Inspection m_inspection;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<InspectionDesk> m_desk;
    std::unique_ptr<ReferenceLoader> m_references;
    std::unique_ptr<TravelerDisplay> m_travelerDisplay;
    std::unique_ptr<DocumentReaderFolder> m_documentReader;
    RecordsThread* m_readerRecords = nullptr;          // where the reader's deletions are recorded
    std::unique_ptr<PassportChipWatcher> m_chip;
    RecordsThread* m_chipRecords = nullptr;            // where chip readings are recorded
    std::optional<ReferencePerson> m_waitingDocument; // a reader's photo, while another reference loads
    std::unique_ptr<SupervisorWindow> m_supervision;
    std::unique_ptr<UserAdminWindow> m_userAdmin;
    bool m_userAdminWasShown = false; // before the session locked
    std::unique_ptr<MatchClient> m_matching; // none: in-process, or the service cannot be used
    QString m_matchingUnusable;             // why the configured service cannot be used
    QLabel* m_matchingState = nullptr;       // in the status bar, with a service only
    bool m_matchingReachable = true;
    QString m_matchingReason;
    bool m_supervisionWasShown = false; // before the session locked
    bool m_presentationAttackUnavailableSaid = false; // to the officer, once for every camera
    QMenu* m_recordsMenu = nullptr;
    QAction* m_logAction = nullptr;
    QAction* m_displayAction = nullptr;
    QAction* m_supervisionAction = nullptr;
    QAction* m_usersAction = nullptr;
    QAction* m_chipAction = nullptr; // Ctrl+R, with a chip reader only
    QTimer* m_accountCheck = nullptr;
    std::function<QString()> m_endedBecause; // said by the next sign-in dialog
    QPointer<SignInDialog> m_signIn;
    QPointer<FirstAdminDialog> m_firstAdmin;
};

} // namespace fg
