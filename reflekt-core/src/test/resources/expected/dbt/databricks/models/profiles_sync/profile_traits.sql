{{
  config(
    materialized = 'incremental',
    file_format = 'delta',
    incremental_strategy = 'merge',
    unique_key = 'canonical_segment_id',
    on_schema_change = 'append_new_columns'
  )
}}

-- One row per profile. A canonical profile has the traits of the newest row (by seq) of
-- profile_traits_updates among every segment_id merged into it: each row carries a profile's current
-- traits, so an explicit NULL there means the trait was cleared and stays cleared. A merged-away profile
-- has its traits null and merged_to set to the profile it was merged into. Profiles Segment deleted have
-- no rows left to read; reflekt_propagate_deletions removes them from this table.
with

id_graph as (
    select * from {{ ref('id_graph') }} as id_graph_rows
),

{% if is_incremental() %}
affected as (
    -- Profiles whose traits changed in the window.
    select coalesce(id_graph.canonical_segment_id, u.segment_id) as profile_id
    from {{ source('profiles_sync', 'profile_traits_updates') }} as u
    left join id_graph on id_graph.segment_id = u.segment_id
    where u.uuid_ts > (select max(uuid_ts) from {{ this }}) - interval {{ var('etl_overlap', 28) }} hours
    union all
    -- Profiles merged, or merged into, in the window.
    select segment_id from id_graph where uuid_ts > (select max(uuid_ts) from {{ this }}) - interval {{ var('etl_overlap', 28) }} hours
    union all
    select canonical_segment_id from id_graph where uuid_ts > (select max(uuid_ts) from {{ this }}) - interval {{ var('etl_overlap', 28) }} hours
    union all
    -- Profiles whose merge target moved since the last run (re-merges).
    select previous.canonical_segment_id
    from {{ this }} as previous
    left join id_graph on id_graph.segment_id = previous.canonical_segment_id
    where coalesce(id_graph.canonical_segment_id, previous.canonical_segment_id)
        <> coalesce(previous.merged_to, previous.canonical_segment_id)
),

{% endif %}
updates as (
    select
        coalesce(id_graph.canonical_segment_id, u.segment_id) as canonical_segment_id,
        u.seq,
        u.uuid_ts,
        u.email,
        u.first_name,
        u.loyalty_member
    from {{ source('profiles_sync', 'profile_traits_updates') }} as u
    left join id_graph on id_graph.segment_id = u.segment_id
{% if is_incremental() %}
    where coalesce(id_graph.canonical_segment_id, u.segment_id) in (select profile_id from affected)
{% endif %}
),

traits as (
    select
        canonical_segment_id,
        max(uuid_ts) over (partition by canonical_segment_id) as uuid_ts,
        email,
        first_name,
        loyalty_member,
        row_number() over (partition by canonical_segment_id order by seq desc, uuid_ts desc) as _reflekt_rank
    from updates
),

profiles as (
    select distinct canonical_segment_id
    from (
        select canonical_segment_id from updates
        union all
        select segment_id from id_graph where segment_id = canonical_segment_id
    ) as seen
)

select
    profiles.canonical_segment_id,
    traits.email,
    traits.first_name,
    traits.loyalty_member,
    cast(null as string) as merged_to,
    traits.uuid_ts
from profiles
left join traits on traits.canonical_segment_id = profiles.canonical_segment_id and traits._reflekt_rank = 1
where profiles.canonical_segment_id not in (
    select segment_id from id_graph where segment_id <> canonical_segment_id
)
{% if is_incremental() %}
    and profiles.canonical_segment_id in (select profile_id from affected)
{% endif %}

union all

select
    id_graph.segment_id as canonical_segment_id,
    null as email,
    null as first_name,
    null as loyalty_member,
    id_graph.canonical_segment_id as merged_to,
    id_graph.uuid_ts
from id_graph
where id_graph.segment_id <> id_graph.canonical_segment_id
{% if is_incremental() %}
    and id_graph.segment_id in (select profile_id from affected)
{% endif %}
