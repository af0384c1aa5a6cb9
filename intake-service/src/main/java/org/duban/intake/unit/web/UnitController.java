package org.duban.intake.unit.web;

import static org.duban.intake.web.ApiViews.pageInfo;

import java.net.URI;
import java.time.ZoneOffset;

import org.duban.intake.api.UnitsApi;
import org.duban.intake.api.model.RegisterUnitRequest;
import org.duban.intake.api.model.Unit;
import org.duban.intake.api.model.UnitContact;
import org.duban.intake.api.model.UnitKind;
import org.duban.intake.api.model.UnitPage;
import org.duban.intake.unit.RegisterUnit;
import org.duban.intake.unit.ResponsibleUnit;
import org.duban.intake.unit.ResponsibleUnit.Contact;
import org.duban.intake.unit.ResponsibleUnitSnapshot;
import org.duban.intake.unit.UnitService;
import org.duban.platform.domain.Page;
import org.duban.platform.domain.PageRequest;
import org.duban.platform.web.CurrentCaller;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;

@RestController
class UnitController implements UnitsApi {

    private final UnitService units;
    private final CurrentCaller caller;

    UnitController(UnitService units, CurrentCaller caller) {
        this.units = units;
        this.caller = caller;
    }

    @Override
    public ResponseEntity<Unit> registerUnit(RegisterUnitRequest request, String idempotencyKey) {
        ResponsibleUnit unit = units.register(caller.get(), new RegisterUnit(request.getCode(), request.getName(),
                ResponsibleUnit.UnitKind.valueOf(request.getKind().getValue()),
                request.getContacts() == null ? null : request.getContacts().stream()
                        .map(contact -> new Contact(contact.getName(), contact.getRole(), contact.getPhone(),
                                contact.getEmail()))
                        .toList()), idempotencyKey);
        return ResponseEntity.created(URI.create("/api/v1/units/" + unit.snapshot().id())).body(view(unit));
    }

    @Override
    public ResponseEntity<Unit> getUnit(String unitId) {
        return ResponseEntity.ok(view(units.get(caller.get(), unitId)));
    }

    @Override
    public ResponseEntity<UnitPage> listUnits(Integer page, Integer size) {
        Page<ResponsibleUnit> found = units.list(caller.get(), PageRequest.of(page, size));
        return ResponseEntity.ok(new UnitPage(found.items().stream().map(UnitController::view).toList(),
                pageInfo(found)));
    }

    static Unit view(ResponsibleUnit registered) {
        ResponsibleUnitSnapshot unit = registered.snapshot();
        return new Unit(unit.id(), unit.code(), unit.name(), UnitKind.fromValue(unit.kind().name()),
                unit.contacts().stream()
                        .map(contact -> new UnitContact(contact.name()).role(contact.role()).phone(contact.phone())
                                .email(contact.email()))
                        .toList(),
                unit.registeredAt().atOffset(ZoneOffset.UTC));
    }

}
