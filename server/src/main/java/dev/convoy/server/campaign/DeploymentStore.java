package dev.convoy.server.campaign;

import dev.convoy.server.storage.ChangeSet;
import java.util.List;
import java.util.Optional;

/** Port: deployments, findable by id, by campaign, and (non-terminal ones) by endpoint. Thread-safe. */
public interface DeploymentStore {
  Optional<Deployment> find(String deploymentId);

  /** Every deployment of the campaign, in no particular order. */
  List<Deployment> listByCampaign(String campaignId);

  /** The deployment of the campaign on the endpoint, if it has one (there is at most one). */
  Optional<Deployment> findByCampaignAndEndpoint(String campaignId, String endpointId);

  /** The endpoint's non-terminal deployments: its desired state. */
  List<Deployment> listActive(String endpointId);

  /** Stages a create-or-replace, keeping the by-campaign and active-by-endpoint indexes in the same change set. */
  void put(ChangeSet changes, Deployment deployment);
}
