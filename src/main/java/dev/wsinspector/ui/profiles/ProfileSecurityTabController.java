package dev.wsinspector.ui.profiles;

import dev.wsinspector.core.profile.TlsMode;
import dev.wsinspector.core.session.ProxyOptions;
import javafx.beans.binding.BooleanBinding;
import javafx.fxml.FXML;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.HBox;

/** The editor's TLS & proxy tab (ProfileSecurityTabView.fxml): bindings to the {@link ProfileEditorModel}. */
public final class ProfileSecurityTabController {

    private final ProfileEditorModel draft;

    @FXML private ChoiceBox<TlsMode> profileTlsMode;
    @FXML private Label tlsError;
    @FXML private Label trustedCertLabel;
    @FXML private TextField profileTrustedCert;
    @FXML private Label fingerprintLabel;
    @FXML private TextField profileFingerprint;
    @FXML private TextField profileCaFile;
    @FXML private TextField profileClientCert;
    @FXML private TextField profileClientKey;
    @FXML private ChoiceBox<ProxyOptions.Type> profileProxyType;
    @FXML private Label proxyError;
    @FXML private Label proxyHostLabel;
    @FXML private TextField profileProxyHost;
    @FXML private Label proxyPortLabel;
    @FXML private TextField profileProxyPort;
    @FXML private Label proxyUserLabel;
    @FXML private TextField profileProxyUser;
    @FXML private Label proxyPasswordLabel;
    @FXML private HBox proxyPasswordRow;
    @FXML private TextField proxyPasswordPlain;
    @FXML private PasswordField proxyPassword;
    @FXML private ToggleButton proxyPasswordShow;

    public ProfileSecurityTabController(ProfileEditorModel draft) {
        this.draft = draft;
    }

    @FXML
    private void initialize() {
        profileTlsMode.getItems().setAll(TlsMode.values());
        profileTlsMode.setConverter(Forms.converter(ProfileEditorModel::describe));
        profileTlsMode.valueProperty().bindBidirectional(draft.tlsModeProperty());
        Forms.showError(tlsError, draft.errorOf(ProfileEditorModel.TLS));
        BooleanBinding trust = draft.tlsModeProperty().isEqualTo(TlsMode.TRUST_CERTIFICATE);
        Forms.shownWhen(trust, trustedCertLabel, profileTrustedCert, fingerprintLabel, profileFingerprint);
        profileTrustedCert.textProperty().bindBidirectional(draft.trustedCertificateFileProperty());
        profileFingerprint.textProperty().bindBidirectional(draft.trustedFingerprintProperty());
        profileCaFile.textProperty().bindBidirectional(draft.caFileProperty());
        profileClientCert.textProperty().bindBidirectional(draft.clientCertificateFileProperty());
        profileClientKey.textProperty().bindBidirectional(draft.clientKeyFileProperty());

        profileProxyType.getItems().setAll(ProxyOptions.Type.values());
        profileProxyType.setConverter(Forms.converter(ProfileEditorModel::describe));
        profileProxyType.valueProperty().bindBidirectional(draft.proxyTypeProperty());
        Forms.showError(proxyError, draft.errorOf(ProfileEditorModel.PROXY));
        BooleanBinding proxied = draft.proxyTypeProperty().isNotEqualTo(ProxyOptions.Type.NONE);
        Forms.shownWhen(proxied, proxyHostLabel, profileProxyHost, proxyPortLabel, profileProxyPort, proxyUserLabel,
                profileProxyUser, proxyPasswordLabel, proxyPasswordRow);
        profileProxyHost.textProperty().bindBidirectional(draft.proxyHostProperty());
        profileProxyPort.textProperty().bindBidirectional(draft.proxyPortProperty());
        profileProxyUser.textProperty().bindBidirectional(draft.proxyUserProperty());
        proxyPassword.textProperty().bindBidirectional(draft.proxyPasswordProperty());
        proxyPasswordPlain.textProperty().bindBidirectional(draft.proxyPasswordProperty());
        proxyPassword.visibleProperty().bind(proxyPasswordShow.selectedProperty().not());
        proxyPasswordPlain.visibleProperty().bind(proxyPasswordShow.selectedProperty());
    }
}
